"""The full-postcode table: `manage.py load_postcodes FILE` reads the ONS Postcode Directory
(ONSPD) or the National Statistics Postcode Lookup (NSPL), and the navigator's postcode question
resolves a full postcode from it exactly, falling back to the district table."""

import io

import pytest
from django.core.management import CommandError, call_command

from directory.models import Postcode
from directory.postcodes.lookup import resolve_postcode

from .conftest import plain

pytestmark = pytest.mark.django_db

# The first columns of the ONSPD, in its order; made-up postcodes in real districts.
ONSPD = """\
pcd,pcd2,pcds,dointr,doterm,oscty,ced,oslaua,osward,usertype,ctry,rgn
W10 5AA,W10  5AA,W10 5AA,198001,,E99999999,E99999999,E09000020,E05009391,0,E92000001,E12000007
W10 4AA,W10  4AA,W10 4AA,198001,,E99999999,E99999999,E09000033,E05013806,0,E92000001,E12000007
W10 6AA,W10  6AA,W10 6AA,198001,,E99999999,E99999999,E09000013,E05013752,0,E92000001,E12000007
SW100XE,SW10 0XE,SW10 0XE,198001,,E99999999,E99999999,E09000013,E05013745,0,E92000001,E12000007
M1  1AA,M1   1AA,M1 1AA,198001,,E99999999,E99999999,E08000003,E05011095,0,E92000001,E12000002
TN163AA,TN16 3AA,TN16 3AA,198001,,E10000016,E58000725,E07000111,E05009943,0,E92000001,E12000008
TN163AB,TN16 3AB,TN16 3AB,198001,,E99999999,E99999999,E09000006,E05013999,0,E92000001,E12000007
"""

# The NSPL's newer layout: the local authority column is named for its year's boundaries.
NSPL = """\
pcd7,pcd8,pcds,dointr,doterm,usrtypind,lad25cd,wd25cd,ctry25cd
SW6 1AA,SW6  1AA,SW6 1AA,198001,,0,E09000013,E05013744,E92000001
W11 4AA,W11  4AA,W11 4AA,198001,,0,E09000013,E05013760,E92000001
"""


def load(tmp_path, text, name="ONSPD_TEST.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("load_postcodes", str(path), stdout=out)
    return out.getvalue()


def test_only_london_postcodes_are_loaded_with_their_boroughs(tmp_path):
    output = load(tmp_path, ONSPD)
    assert dict(Postcode.objects.values_list("postcode", "borough__slug")) == {
        "W105AA": "kensington-and-chelsea",
        "W104AA": "westminster",
        "W106AA": "hammersmith-and-fulham",
        "SW100XE": "hammersmith-and-fulham",
        "TN163AB": "bromley",
    }
    assert "Loaded 5 London postcodes" in output
    assert "7 rows read, 2 outside London" in output


def test_loading_again_replaces_rather_than_duplicates(tmp_path):
    load(tmp_path, ONSPD)
    load(tmp_path, ONSPD)
    assert Postcode.objects.count() == 5
    load(tmp_path, NSPL, "NSPL_TEST.csv")  # a newer file replaces the table
    assert sorted(Postcode.objects.values_list("postcode", flat=True)) == ["SW61AA", "W114AA"]


def test_the_nspl_layout_with_a_yearly_column_name_is_read(tmp_path):
    load(tmp_path, NSPL, "NSPL_TEST.csv")
    assert Postcode.objects.borough_for("w11 4aa").slug == "hammersmith-and-fulham"


def test_a_file_without_the_columns_is_refused_and_changes_nothing(tmp_path):
    load(tmp_path, ONSPD)
    with pytest.raises(CommandError, match="local authority column"):
        load(tmp_path, "postcode,town\nW10 5AA,London\n", "other.csv")
    assert Postcode.objects.count() == 5


def test_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="No postcode file"):
        call_command("load_postcodes", str(tmp_path / "missing.csv"))


class TestResolving:
    def test_a_full_postcode_in_the_table_decides_the_borough(self, tmp_path):
        load(tmp_path, ONSPD)
        assert resolve_postcode("w10 6aa").boroughs == ("hammersmith-and-fulham",)
        assert resolve_postcode("W104AA").boroughs == ("westminster",)
        # Chelsea Harbour is SW10 but in Hammersmith and Fulham.
        assert resolve_postcode("SW10 0XE").boroughs == ("hammersmith-and-fulham",)
        # Biggin Hill: outside the London postal areas, still in Bromley.
        assert resolve_postcode("TN16 3AB").boroughs == ("bromley",)

    def test_otherwise_the_district_table_answers(self, tmp_path):
        load(tmp_path, ONSPD)
        assert resolve_postcode("W10 9ZZ").is_split  # not in the file
        assert resolve_postcode("W10").is_split  # a district alone
        assert not resolve_postcode("M1 1AA").in_london  # in the file, but not London

    def test_without_a_table_the_district_table_answers(self):
        assert resolve_postcode("W10 6AA").is_split


@pytest.mark.parametrize(
    ("postcode", "borough"),
    [("W10 6AA", "hammersmith-and-fulham"), ("W10 4AA", "westminster")],
)
def test_the_navigator_asks_no_more_when_the_table_knows(client, tmp_path, postcode, borough):
    load(tmp_path, ONSPD)
    response = client.get(
        "/help/where/",
        {
            "urgent": "no",
            "who": "young-person",
            "age": "15",
            "answered": "where",
            "postcode": postcode,
        },
    )
    # Only the borough travels on, never the postcode.
    assert plain(response["Location"]) == (
        f"/help/need/?urgent=no&who=young-person&age=15&borough={borough}"
    )
