"""The 13-digit Thai ID check digit, validation and generators, and G codes."""
import numpy as np
import pytest
from trafficking_db.trafficking_plugin.core.ingest import thai_id

# Check digits worked by hand: weights 13, 12, ..., 2 on digits 1..12; check = (11 - sum % 11) % 10.
#   1 2 3 4 5 6 7 8 9 0 1 2: 13+24+33+40+45+48+49+48+45+0+3+4 = 352; 352 % 11 = 0 -> (11-0)%10 = 1
#   3 5 0 9 9 0 0 0 1 2 3 4: 39+60+0+90+81+0+0+0+5+8+9+8 = 300;    300 % 11 = 3 -> 8
#   0 0 0 0 0 0 0 0 0 0 0 6: 12;                                   12 % 11 = 1  -> 10 % 10 = 0
KNOWN_VALID = ["1234567890121", "3509900012348", "0000000000060"]


@pytest.mark.parametrize("valid", KNOWN_VALID)
def test_check_digit_of_hand_worked_ids(valid):
    assert thai_id.check_digit(valid[:12]) == int(valid[12])
    # 1234567890121 and 0000000000060 are placeholders clerks type: right check digit, no person.
    assert thai_id.is_valid_thai_id(valid) == (valid == "3509900012348")


@pytest.mark.parametrize("text", ["1111111111119", "1234567890121", "9876543210989", "3000000000013",
                                  "0000000000060"])
def test_placeholders_are_no_ids(text):
    assert thai_id.check_digit(text[:12]) == int(text[12]) and thai_id.is_placeholder(text)
    assert not thai_id.is_valid_thai_id(text) and not thai_id.valid_thai_id_mask([text])[0]


@pytest.mark.parametrize("text", ["1234567890122", "3509900012341", "123456789012", "12345678901211",
                                  "G123456789012", "", "abcdefghijklm", "1234567890１21"])
def test_invalid_ids_are_refused(text):
    assert not thai_id.is_valid_thai_id(text)


def test_separators_are_ignored_when_validating():
    assert thai_id.is_valid_thai_id("3-5099-00012-34-8")
    assert thai_id.is_valid_thai_id(" 3 5099 00012 34 8 ")
    assert thai_id.normalize_id("g-50-1234567890") == "G501234567890"


def test_check_digit_needs_twelve_digits():
    with pytest.raises(ValueError):
        thai_id.check_digit("12345678901")


def test_vectorised_mask_agrees_with_the_scalar_check():
    rng = np.random.default_rng(7)
    random_ids = ["".join(map(str, d)) for d in rng.integers(0, 10, size=(2000, 13))]
    texts = random_ids + KNOWN_VALID + ["", "G501234567890", "12345", "1-2345-67890-12-1"]
    expected = [thai_id.is_valid_thai_id(t) and t.isdigit() for t in texts]
    assert thai_id.valid_thai_id_mask(texts).tolist() == expected
    assert 100 < sum(expected) < 300            # about one random number in ten is valid


def test_generated_ids_are_valid_unique_and_carry_type_and_office():
    rng = np.random.Generator(np.random.PCG64(3))
    types = np.tile(np.arange(9), 1000)
    offices = np.repeat([5001, 5003, 5025, 5701], types.size // 4 + 1)[:types.size]
    ids = thai_id.generate_thai_ids(rng, types, offices)
    assert thai_id.valid_thai_id_mask(ids).all()
    assert len(set(ids.tolist())) == ids.size
    assert [int(i[0]) for i in ids] == types.tolist()
    assert [int(i[1:5]) for i in ids] == offices.tolist()


def test_ids_drawn_in_one_office_are_redrawn_until_unique():
    # 200,000 numbers from 10 million serials collide about 2,000 times on the first draw.
    rng = np.random.Generator(np.random.PCG64(4))
    ids = thai_id.generate_thai_ids(rng, np.ones(200_000, dtype=int), np.full(200_000, 5001))
    assert np.unique(ids).size == ids.size
    assert thai_id.valid_thai_id_mask(ids).all()


def test_generation_is_deterministic():
    def draw(seed):
        return thai_id.generate_thai_ids(np.random.Generator(np.random.PCG64(seed)), [1, 3, 0], ["5001"] * 3)
    assert draw(9).tolist() == draw(9).tolist()
    assert draw(9).tolist() != draw(10).tolist()


@pytest.mark.parametrize("types, offices", [([9], [5001]), ([-1], [5001]), ([1], [501]), ([1, 2], [5001])])
def test_bad_generator_input_is_refused(types, offices):
    with pytest.raises(ValueError):
        thai_id.generate_thai_ids(np.random.default_rng(), types, offices)


def test_g_codes_follow_our_format_and_never_pass_as_thai_ids():
    codes = thai_id.generate_g_codes(np.random.Generator(np.random.PCG64(5)), 500, "50")
    assert len(set(codes.tolist())) == 500
    assert all(thai_id.is_g_code(c) and c.startswith("G50") and len(c) == 13 for c in codes)
    assert not thai_id.valid_thai_id_mask(codes).any()
    assert not thai_id.is_g_code("1234567890121")
    assert not thai_id.is_g_code("G12345")
