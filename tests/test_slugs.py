import pytest

from saljkompetens.content.slugs import slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Känslomässig objektivitet", "kanslomassig-objektivitet"),
        ("Nästa steg", "nasta-steg"),
        ("Läsa av situationen", "lasa-av-situationen"),
        ("Gör som topporganisationer ”B2B”", "gor-som-topporganisationer-b2b"),
        ("Resultatorienterte selgere? Tja!", "resultatorienterte-selgere-tja"),
        ("  Å Ä Ö  ", "a-a-o"),
        ("Uthållighet", "uthallighet"),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug
