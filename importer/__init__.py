"""Reading bulletins as published elsewhere: raw text in, a draft bulletin and candidate figures out.

Sits above ``bulletins`` and ``indicators`` (it creates both kinds of rows); neither imports it.
The reading itself is a pipeline of pure stages (``pipeline.read``); ``service`` writes its result.
"""
