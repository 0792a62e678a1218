"""The tables of a text as a copy kept them: rows of a label and numbers.

Two layouts are found, the two a copy of a web page or a document leaves of a table:

* **a row a line**, its cells parted by bars, tabs or spaces: "南昌 | 31 | 52", "乐平  31  52";
* **a cell a line**: every cell on a line of its own ("南昌", "31", "52", "九江", …), with
  or without the bars of a Markdown copy. The lines do not say where a row ends, so the cells
  are put back in rows of ``per_row`` cells from cell ``first`` on: guessed from where labels
  recur among the numbers (``CellRun.guess``), given by the editor where the guess is wrong.

Pure functions of the text; ``editor_tables`` turns a table and the editor's choices into
candidates.
"""

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace

_NUMBER_CELL = re.compile(r"([-+−]?\d[\d,]*(?:\.\d+)?)(%)?")
# What a table writes in a cell it has no value for.
_NO_VALUE = frozenset({"", "—", "-", "−", "/", "--", "－", "——", "…", "*", "／", "未检出", "ND"})
# A value below the detection limit: "0.0004L", "<0.006", "＜0.01", "N.D.". It holds its
# column's place in the row and is no figure.
# Below the detection limit, or above the method's range (">1600"): a reading, not a value.
_CENSORED = re.compile(
    r"(?:\d[\d.]*\s*[LＬ]|[<＜>＞]\s*\d[\d.]*|N\.?D\.?|未检出|检出限以下)"
)
# Full-width digits, point, signs and percent as ASCII (not NFKC, which reads a footnote's
# superscript "35¹" as 351).
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．－＋％，", "0123456789.-+%,")
# A Markdown table's rule under its header: "|---|:--:|".
_RULE = re.compile(r"^[|｜\s:：\-—–]+$")
# A year over each column ("城市  2022  2023"): a header, not a row of numbers.
_YEAR = re.compile(r"^(?:19|20)\d{2}(?:年)?$")
# A header cell's unit in brackets: "PM2.5(μg/m³)".
_UNIT_IN_BRACKETS = re.compile(r"^(.*?)\s*[(（]([^()（）]{1,16})[)）]\s*$")
#: Header lines shown above a table, for the editor to see what its columns are.
HEADER_LINES = 3
#: A cell on a line of its own is this short; a longer line is prose.
CELL_SIZE = 30
_SENTENCE_END = ("。", "！", "？", "；", "：", ":")
#: The cells after the first number a row's width is guessed from.
GUESS_CELLS = 2000
#: The widest row a cell-a-line table is put back in.
MAX_PER_ROW = 40


def line_starts(text):
    """The offset in ``text`` of each line's start, line 1 first, then the text's end."""
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def row_spans(table, text):
    """``(start, end)`` of each of ``table``'s rows in ``text``: from its first line's start to
    its last line's end."""
    starts = line_starts(text)
    return [(starts[row.line - 1], starts[row.end_line]) for row in table.rows]


def number(cell):
    """The match of a cell that is a number (and maybe %), or None; full-width digits and
    signs ("３１．５", "－0.2") are read as their ASCII forms (the match is of those)."""
    return _NUMBER_CELL.fullmatch(cell.translate(_FULL_WIDTH))


@dataclass(frozen=True)
class Row:
    line: int  # the line of its first cell in the text, from 1
    label: str  # the words of its cells that are no numbers: a place, a station, a year
    cells: tuple  # each column's number as written, "" where the row has none
    text: str  # the row as written (its lines joined by spaces): the quote of its figures
    last_line: int = 0  # the line of its last cell, where it spans several

    @property
    def end_line(self):
        return self.last_line or self.line


@dataclass(frozen=True)
class Table:
    rows: tuple
    header: tuple  # the lines (or cells) just above the first row, as written
    names: tuple = ()  # (name, unit) of each column where the layout tells them
    grid: tuple = ()  # (per_row, first) of a table copied a cell a line

    @property
    def line(self):
        """The first row's line: what names the table in an address."""
        return self.rows[0].line

    @property
    def columns(self):
        return len(self.rows[0].cells)

    @property
    def fingerprint(self):
        """What the table's rows say, in short: a form previewed on one table saves nothing
        on another (the text changed, the rows put back otherwise)."""
        rows = "\n".join(f"{row.label}\t{chr(9).join(row.cells)}" for row in self.rows)
        return hashlib.sha256(rows.encode()).hexdigest()[:16]

    def header_names(self):
        """``[(name, unit)]`` for each column: from the header line whose cells are as many as
        the columns (or one more, over the labels); ``("", "")`` each when none is."""
        if self.names:
            return list(self.names)
        for line in reversed(self.header):
            cells = _cells(line)
            if len(cells) in (self.columns, self.columns + 1):
                return [_named(cell) for cell in cells[-self.columns :]]
        return [("", "")] * self.columns


def _named(cell):
    match = _UNIT_IN_BRACKETS.match(cell)
    return (match.group(1), match.group(2)) if match else (cell, "")


def tables(text):
    """Every table of ``text`` in both layouts, in the order they stand, cell-a-line tables
    put back in rows as guessed."""
    found = line_tables(text)
    for run in cell_runs(text):
        table = run.table(*run.guess())
        if table is not None:
            found.append(table)
    return sorted(found, key=lambda table: table.line)


def find(text, line, grid=None):
    """The table of ``text`` whose first row stands on ``line``, or None. With ``grid``
    (per_row, first), the cell-a-line table whose cells span ``line``, put back in rows so;
    otherwise as guessed."""
    for table in line_tables(text):
        if table.line == line:
            return table
    for run in cell_runs(text):
        if run.line <= line <= run.last_line:
            table = run.table(*(grid or run.guess()))
            if table is not None and (grid or table.line == line):
                return table
    return None


# --- a row a line -------------------------------------------------------------------------


def line_tables(text):
    """Runs of two rows or more, a row a line, blank lines and a Markdown rule between them
    allowed, whose rows have as many cells after their labels; a first row of years only is
    the header."""
    found, run, above = [], [], []
    for number_, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or (_RULE.match(line.strip()) and "-" in line):
            continue
        row = _row(number_, line)
        if row is not None and not run and all(_YEAR.match(cell) for cell in row.cells if cell):
            row = None  # years over the columns: the header of the rows below
        if row is not None and not row.label and run and len(row.cells) == len(run[0].cells):
            row = replace(row, label=run[-1].label)  # the label merged over this row too
        if run and (row is None or len(row.cells) != len(run[0].cells)):
            if len(run) >= 2:
                found.append(Table(tuple(run), tuple(above[-HEADER_LINES:])))
            above, run = ([] if row is not None else above), []
        if row is None:
            above.append(line.strip())
        else:
            run.append(row)
    if len(run) >= 2:
        found.append(Table(tuple(run), tuple(above[-HEADER_LINES:])))
    return found


def _cells(line):
    line = line.strip().replace("｜", "|")
    if "|" in line:
        return [cell.strip() for cell in line.strip("|").split("|")]
    if "\t" in line:
        return [cell.strip() for cell in line.split("\t")]
    return line.split()


def _row(number_, line):
    """The row a line is (its label, then numbers or empty cells, one number at least), or
    None. A line of one cell is a cell of a cell-a-line table, not a row; a row's number
    before its label (序号: "1 南昌 31") is left out."""
    cells = _cells(line)
    if len(cells) > 2 and cells[0].isdecimal() and not number(cells[1]):
        cells = cells[1:]
    # An empty first cell is a label merged over the rows above ("| | 31 | 52 |"): the row
    # has a label cell, written once for several.
    lead = 1 if len(cells) > 2 and not cells[0] and number(cells[1]) else 0
    first = next(
        (i for i, cell in enumerate(cells) if i >= lead and (number(cell) or _no_value(cell))),
        len(cells),
    )
    values = cells[first:]
    # Words after the last number (a grade, a remark: "二级", "达标") are no column of numbers.
    while values and not number(values[-1]) and not _no_value(values[-1]):
        values.pop()
    if len(cells) < 2 or not values:
        return None
    if not all(number(c) or _no_value(c) for c in values) or not any(map(number, values)):
        return None
    label = " ".join(cell for cell in cells[:first] if cell)
    return Row(number_, label, tuple("" if _no_value(c) else c for c in values), line.strip())


def _no_value(cell):
    """Whether a cell holds no figure where a number could stand: empty, a dash, or a reading
    below the detection limit or above the method's range."""
    return cell in _NO_VALUE or bool(_CENSORED.fullmatch(cell))


# --- a cell a line ------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    text: str
    line: int


@dataclass(frozen=True)
class CellRun:
    """Lines of one cell each, blank lines between them allowed (a line of spaces or a lone
    bar is an empty cell)."""

    cells: tuple

    @property
    def line(self):
        return self.cells[0].line

    @property
    def last_line(self):
        return self.cells[-1].line

    def guess(self):
        """``(per_row, first)``, or (None, None) where the cells repeat no pattern.

        A row's width is the period at which the kind of each cell (label, number; an empty
        cell matches either) recurs best from the first number on (the first ``GUESS_CELLS``
        cells), the shorter of two within two points, and on 80% of the cells at least. A row starts at a column of labels after one that is
        not, the one whose labels differ most from row to row (a station's name, not its
        grade), or at the row's number before it (1, 2, 3…); the first row is the first whose
        columns of numbers are half filled at least."""
        kinds = [_kind(cell.text) for cell in self.cells]
        start = next((i for i, kind in enumerate(kinds) if kind == "n"), None)
        if start is None:
            return None, None
        # a few thousand cells show the pattern: a long table is not read twice over for it
        kinds = kinds[: start + GUESS_CELLS]
        cells = self.cells[: len(kinds)]
        best = None
        for per_row in range(2, min(MAX_PER_ROW, (len(kinds) - start) // 2) + 1):
            pairs = [
                (a, b)
                for a, b in zip(kinds[start:], kinds[start + per_row :], strict=False)
                if a and b
            ]
            if len(pairs) < per_row:
                continue
            agree = sum(a == b for a, b in pairs) / len(pairs)
            if best is None or agree > best[0] + 0.02:
                best = (agree, per_row)
        if best is None or best[0] < 0.8:
            return None, None
        per_row = best[1]
        # columns as the rows fill them, the header's cells left out
        column = [
            Counter(kinds[i] for i in range(r, len(kinds), per_row) if i >= start)
            for r in range(per_row)
        ]
        numeric = [c["n"] > c["l"] for c in column]
        labels = [c["l"] > c["n"] for c in column]
        starts = [r for r in range(per_row) if labels[r] and not labels[r - 1]]
        # the column of row labels: names differ from row to row, grades or remarks repeat
        texts = [
            {cells[i].text for i in range(r, len(kinds), per_row) if i >= start and kinds[i] == "l"}
            for r in range(per_row)
        ]
        row_start = max(starts, key=lambda r: len(texts[r])) if starts else start % per_row
        before = (row_start - 1) % per_row
        if _counts_rows(cells[before + per_row * max(0, start // per_row - 1) :: per_row]):
            row_start = (row_start - 1) % per_row  # a row's number before its label starts it
        for first in range(row_start, len(kinds) - per_row + 1, per_row):
            block = kinds[first : first + per_row]
            filled = sum(
                1 for r, kind in enumerate(block) if numeric[(first + r) % per_row] and kind == "n"
            )
            if filled * 2 >= sum(numeric):
                return per_row, first
        return None, None

    def table(self, per_row, first):
        """The cells from ``first`` on in rows of ``per_row``: a column is numbers where most
        of its rows hold one, the others make the label. None for fewer than two rows."""
        if not per_row or first is None or not (1 <= per_row <= MAX_PER_ROW):
            return None
        if not 0 <= first < len(self.cells):
            return None
        grid = [
            self.cells[start : start + per_row] for start in range(first, len(self.cells), per_row)
        ]
        if len(grid[-1]) < per_row:
            # a last row whose last empty cells the copy dropped: kept where it holds a number
            # and most of its cells
            last = grid.pop()
            if any(number(cell.text) for cell in last) and len(last) * 2 > per_row:
                grid.append(last + (Cell("", last[-1].line),) * (per_row - len(last)))
        numeric = [
            sum(1 for row in grid if number(row[i].text)) * 2 > len(grid) for i in range(per_row)
        ]
        if len(grid) < 2 or not any(numeric):
            return None
        rows = tuple(
            Row(
                cells[0].line,
                " ".join(
                    c.text
                    for c, is_number in zip(cells, numeric, strict=True)
                    if not is_number and c.text
                ),
                tuple(
                    c.text if number(c.text) else ""
                    for c, is_number in zip(cells, numeric, strict=True)
                    if is_number
                ),
                " | ".join(c.text for c in cells if c.text),
                cells[-1].line,
            )
            for cells in grid
        )
        header = tuple(cell.text for cell in self.cells[:first] if cell.text)
        names = ()
        if first >= per_row:
            above = self.cells[first - per_row : first]
            names = tuple(
                _named(cell.text)
                for cell, is_number in zip(above, numeric, strict=True)
                if is_number
            )
        return Table(rows, header[-3 * per_row :], names, (per_row, first))


def _counts_rows(cells):
    """Whether the numbers among ``cells`` count 1, 2, 3… (a column of row numbers)."""
    numbers = [int(cell.text) for cell in cells if cell.text.isdecimal()]
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _kind(text):
    """ "n" for a number, "l" for a label, "" for an empty cell."""
    if _no_value(text):
        return ""
    return "n" if number(text) else "l"


def cell_runs(text):
    """The runs of eight cells or more, a cell a line, at least four of them numbers."""
    found, run = [], []
    for number_, line in enumerate(text.splitlines(), start=1):
        if line == "":
            continue  # a blank line between cells (a line of spaces is an empty cell)
        cell = _lone_cell(line)
        if cell is None:
            _keep(found, run)
            run = []
        else:
            run.append(Cell(cell, number_))
    _keep(found, run)
    return found


def _keep(found, run):
    if len(run) >= 8 and sum(1 for cell in run if number(cell.text)) >= 4:
        found.append(CellRun(tuple(run)))


def _lone_cell(line):
    """The cell a line holds alone (its bars stripped), "" for an empty cell, or None where
    the line is not one cell: prose, or a row of several."""
    stripped = line.strip()
    if "|" in stripped:
        parts = [part.strip() for part in stripped.strip("|").split("|")]
        if len(parts) > 1 and any(parts):
            return None
        stripped = parts[0] if parts else ""
    if len(stripped) > CELL_SIZE or "\t" in stripped or stripped.endswith(_SENTENCE_END):
        return None
    if len(stripped.split()) > 1 and any(number(part) for part in stripped.split()):
        return None  # "乐平 31": a row, not a cell
    return stripped
