import pytest
from django.core.exceptions import ValidationError

from directory.phone import display_phone, is_valid_uk_phone, phone_href, validate_uk_phone


@pytest.mark.parametrize(
    "number",
    ["0800 1111", "020 7946 0000", "0800 023 4650", "07911 123456", "+44 20 7946 0000",
     "116 123", "116123", "85258", "111", "999", "0808 802 5544"],
)  # fmt: skip
def test_real_uk_numbers_and_helpline_short_codes_are_valid(number):
    assert is_valid_uk_phone(number)
    validate_uk_phone(number)


@pytest.mark.parametrize(
    "number",
    ["020 7946 000", "12345", "020 7946", "not a number", "+1 212 555 0100", "116 124", "116 117"],
)
def test_broken_or_foreign_numbers_are_rejected(number):
    assert not is_valid_uk_phone(number)
    with pytest.raises(ValidationError):
        validate_uk_phone(number)


def test_numbers_are_written_and_dialled_in_the_uk_way():
    assert display_phone("08000234650") == "0800 023 4650"
    assert phone_href("0800 023 4650") == "+448000234650"
    assert display_phone("116123") == "116 123"
    assert phone_href("116 123") == "116123"
