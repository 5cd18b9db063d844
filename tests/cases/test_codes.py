import pytest

from cases import codes


@pytest.mark.parametrize(
    "typed",
    ["WSC-II-S.6151.1234.2024", "wsc ii s 6151 1234 2024", "WSC–II–S 6151.1234.2024 ", "wsc.ii.s.6151.1234.2024"],
)
def test_case_numbers_typed_differently_share_one_key(typed):
    assert codes.number_key(typed.replace("–", "-")) == "WSCIIS615112342024"


def test_access_codes_are_compared_as_keyed_hashes():
    code = codes.access_code_new()
    assert len(codes.access_code_normalize(code)) == codes.ACCESS_CODE_LENGTH
    stored = codes.access_code_hash(code)
    assert codes.access_code_matches(code.lower().replace("-", " "), stored)
    assert not codes.access_code_matches("AAAAA-AAAAA", stored)
    assert not codes.access_code_matches(code, "")  # a case without a code cannot be opened


def test_the_hash_depends_on_the_secret_key(settings):
    before = codes.access_code_hash("ABCDE-FGHJK")
    settings.HASHING_KEY = "another-key-" * 5
    assert codes.access_code_hash("ABCDE-FGHJK") != before
