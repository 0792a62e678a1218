"""Uses the client generated from the schema against the portal serving the shipped fixtures.

Run by scripts/check_generated_client.sh with the generated package importable as
``ecoportal_client``. Every call raises on an answer its operation does not document, and the
models raise on a field missing or of the wrong kind: a schema that does not match what the API
answers fails here. Prints one line per check and exits 1 on the first failure.
"""

import csv
import io
import sys

from ecoportal_client import Client
from ecoportal_client.api.bulletins import bulletins_list, bulletins_retrieve
from ecoportal_client.api.indicators import indicators_list
from ecoportal_client.api.observations import (
    observations_download_csv,
    observations_download_xlsx,
    observations_list,
    observations_retrieve,
)
from ecoportal_client.models import (
    BulletinDetail,
    BulletinsListOrderingItem,
    Observation,
    PaginatedBulletinList,
    PaginatedObservationList,
)
from ecoportal_client.models.observations_list_page_type_1 import ObservationsListPageType1
from ecoportal_client.types import File

base_url = sys.argv[1]
client = Client(base_url=base_url, raise_on_unexpected_status=True, timeout=30)


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        sys.exit(1)


bulletins = bulletins_list.sync(client=client, page_size=100, ordering=[BulletinsListOrderingItem.ISSUED_ON_DESC])
check(isinstance(bulletins, PaginatedBulletinList) and bulletins.count > 0, f"bulletins list: {bulletins.count}")
details = [bulletins_retrieve.sync(item.slug, client=client) for item in bulletins.results]
check(all(isinstance(d, BulletinDetail) for d in details), f"every bulletin detail parses ({len(details)})")
check(any(d.achievement_list is None for d in details) and any(d.achievement_list for d in details),
      "a bulletin detail without an achievement list (null) and one with it")

indicators = indicators_list.sync(client=client)
check(indicators.count > 0, f"indicators list: {indicators.count}")

last = observations_list.sync(client=client, page=ObservationsListPageType1.LAST, page_size=100)
check(isinstance(last, PaginatedObservationList) and last.page == last.pages and last.next_ is None,
      f"observations, page=last: page {last.page} of {last.pages}")
first = observations_list.sync(client=client, page=1, page_size=100)
observation = observations_retrieve.sync(first.results[0].id, client=client)
check(isinstance(observation, Observation) and observation.id == first.results[0].id, "an observation's detail")

text = observations_download_csv.sync(client=client, indicator=first.results[0].indicator)
rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
expected = observations_list.sync(client=client, indicator=first.results[0].indicator, page_size=100).count
check(isinstance(text, str) and len(rows) == expected and "value_in_indicator_unit" in rows[0],
      f"the CSV download as text: {len(rows)} rows")
workbook = observations_download_xlsx.sync(client=client, indicator=first.results[0].indicator)
check(isinstance(workbook, File) and workbook.payload.read(2) == b"PK", "the XLSX download as a file")
