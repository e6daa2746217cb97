"""The pages of a list of services: how many a page holds, and the page a request asks for
(refused in plain words when it is not a page there is)."""

from django.core.paginator import Paginator

from .whole_numbers import has_other_digits, whole_number

PER_PAGE = 20


def paginate(queryset, requested):
    """The page asked for, or page 1 and a message saying why not."""
    paginator = Paginator(queryset, PER_PAGE)
    if requested in (None, ""):
        return paginator.page(1), None
    number = whole_number(requested)
    if number is None:
        digits = " written with the digits 0 to 9" if has_other_digits(requested) else ""
        return paginator.page(1), f"The page number must be a whole number{digits}, like 2"
    if not 1 <= number <= paginator.num_pages:
        pages = "1 page" if paginator.num_pages == 1 else f"{paginator.num_pages} pages"
        return paginator.page(1), f"There are only {pages} of results, so this is page 1"
    return paginator.page(number), None
