"""The actor catalogue: coverage of the bundled data, look-ups by name and date, user files."""

from __future__ import annotations

import re

import pytest
import yaml

from faultlines.resolve.catalogue import (
    BUNDLED_DIR,
    BUNDLED_FILES,
    KINDS,
    RELATION_TYPES,
    CatalogueError,
    load_catalogue,
    normalize_name,
)


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def ids(actors):
    return [actor.id for actor in actors]


# ---------------------------------------------------------------- bundled data

def test_catalogue_all_un_members_present(catalogue):
    states = [e for e in catalogue.entries() if e.actor.kind == "state"]
    assert sum(e.un_status == "member" for e in states) == 193
    assert {e.actor.id for e in states if e.un_status == "observer"} == {"PSE", "VAT"}
    assert {"TWN", "XKX"} <= {e.actor.id for e in states if e.un_status == "none"}


def test_catalogue_every_state_has_government_and_military(catalogue):
    states = [actor for actor in catalogue if actor.kind == "state"]
    assert len(states) == 197
    for state in states:
        government, military = catalogue.get(f"{state.id}.GOV"), catalogue.get(f"{state.id}.MIL")
        assert government is not None and government.parent == state.id and government.kind == "government", state.id
        assert military is not None and military.parent == state.id and military.kind == "military", state.id


@pytest.mark.parametrize("actor_id, qid", [
    ("USA", "Q30"), ("RUS", "Q159"), ("SYR", "Q858"), ("IRN", "Q794"), ("IRQ", "Q796"), ("TUR", "Q43"),
    ("ISR", "Q801"), ("LBN", "Q822"), ("YEM", "Q805"), ("LBY", "Q1016"), ("SDN", "Q1049"), ("AFG", "Q889"),
    ("UKR", "Q212"), ("SAU", "Q851"), ("GBR", "Q145"), ("FRA", "Q142"), ("DEU", "Q183"), ("CHN", "Q148"),
    ("ISIS", "Q2429253"), ("AQ", "Q34490"),
])
def test_catalogue_wikidata_ids(catalogue, actor_id, qid):
    assert catalogue.get(actor_id).wikidata == qid
    assert catalogue.by_wikidata(qid).id == actor_id


def test_catalogue_wikidata_ids_are_unique(catalogue):
    qids = [actor.wikidata for actor in catalogue if actor.wikidata]
    assert len(qids) == len(set(qids))


@pytest.mark.parametrize("actor_id, cameo", [
    ("USA", "USA"), ("USA.GOV", "USAGOV"), ("USA.MIL", "USAMIL"), ("SYR.GOV.ASSAD", "SYRGOV"),
    ("SYR.REB", "SYRREB"), ("REBELS", "REB"), ("XKX", None), ("XKX.GOV", None),
])
def test_catalogue_cameo_codes(catalogue, actor_id, cameo):
    assert catalogue.get(actor_id).cameo == cameo


@pytest.mark.parametrize("name", BUNDLED_FILES)
def test_catalogue_bundled_files_have_a_header_and_version(name):
    text = (BUNDLED_DIR / name).read_text(encoding="utf-8")
    assert text.startswith("# faultlines actor catalogue:")
    assert yaml.safe_load(text)["format"] == 1


def test_catalogue_readme_documents_every_kind_and_relation_type():
    readme = (BUNDLED_DIR / "README.md").read_text(encoding="utf-8")
    for kind in KINDS:
        assert f"| `{kind}` |" in readme, kind
    for relation in RELATION_TYPES:
        assert f"`{relation}`" in readme, relation


def test_catalogue_is_parsed_once(catalogue):
    assert load_catalogue() is catalogue


def test_catalogue_len_and_iteration_agree(catalogue):
    actors = list(catalogue)
    assert len(actors) == len(catalogue) == len({actor.id for actor in actors})
    assert all(actor.kind in KINDS for actor in actors)


# ---------------------------------------------------------------- look-ups

@pytest.mark.parametrize("text, on, expected", [
    ("ISIS", None, "ISIS"), ("ISIL", None, "ISIS"), ("IS", None, "ISIS"), ("Islamic State", None, "ISIS"),
    ("the Islamic State", None, "ISIS"), ("Islamic State of Iraq and the Levant", None, "ISIS"),
    ("Daesh", None, "ISIS"), ("Da'esh", None, "ISIS"), ("Da\u2019esh", None, "ISIS"),
    ("the Islamic State group", None, "ISIS"), ("ISIS-K", None, "ISKP"),
    ("U.S.", None, "USA"), ("US", None, "USA"), ("the United States", None, "USA"), ("America", None, "USA"),
    ("the Pentagon", None, "USA.MIL"), ("White House", None, "USA.GOV"), ("Washington", None, "USA.GOV"),
    ("State Department", None, "USA.GOV.STATE"), ("U.S. forces", None, "USA.MIL"), ("US forces", None, "USA.MIL"),
    ("American troops", None, "USA.MIL"), ("Obama administration", "2015-06-01", "USA.GOV"),
    ("Kremlin", None, "RUS.GOV"), ("Moscow", None, "RUS.GOV"), ("Russia's defense ministry", None, "RUS.MIL.MOD"),
    ("Russia\u2019s defence ministry", None, "RUS.MIL.MOD"), ("Russian Defense Ministry", None, "RUS.MIL.MOD"),
    ("Russian forces", None, "RUS.MIL"), ("Russian Aerospace Forces", None, "RUS.MIL"),
    ("Lebanese Hezbollah", None, "HEZBOLLAH"), ("Hizballah", None, "HEZBOLLAH"),
    ("Jabhat al-Nusra", "2015-06-01", "NUSRA"), ("Nusra Front", "2014-01-01", "NUSRA"),
    ("Jabhat Fateh al-Sham", "2016-10-01", "JFS"), ("HTS", "2018-06-01", "HTS"),
    ("Hay\u2019at Tahrir al-Sham", "2019-01-01", "HTS"),
    ("Houthis", None, "HOUTHIS"), ("Ansar Allah", None, "HOUTHIS"), ("Saudi-led coalition", None, "SAUDI_COALITION"),
    ("AQAP", None, "AQAP"), ("STC", None, "STC"),
    ("SDF", None, "SDF"), ("YPG", None, "YPG"), ("PKK", None, "PKK"), ("Free Syrian Army", None, "FSA"),
    ("Syrian National Army", None, "SNA"), ("Ahrar al-Sham", None, "AHRAR_ALSHAM"), ("Jaish al-Islam", None, "JAISH_ALISLAM"),
    ("Deir ez-Zor Military Council", None, "DEIR_EZZOR_MC"), ("US-led coalition", None, "CJTF_OIR"),
    ("U.S.-led coalition", None, "CJTF_OIR"), ("CJTF-OIR", None, "CJTF_OIR"), ("NDF", "2016-01-01", "NDF"),
    ("Iranian-backed militias", None, "IRAN_BACKED_MILITIAS"),
    ("Hashd al-Shaabi", None, "PMF"), ("Kata'ib Hezbollah", None, "KATAIB_HEZBOLLAH"), ("Peshmerga", None, "PESHMERGA"),
    ("LNA", None, "LNA"), ("Government of National Accord", "2018-01-01", "GNA"), ("RSF", None, "RSF"),
    ("Sudanese Armed Forces", None, "SDN.MIL"), ("JNIM", None, "JNIM"), ("ISGS", None, "IS_SAHEL"),
    ("Wagner Group", None, "WAGNER"), ("Africa Corps", None, "AFRICA_CORPS"),
    ("Taliban", None, "TALIBAN"), ("Haqqani network", None, "HAQQANI"), ("al-Qaeda", None, "AQ"),
    ("Hamas", None, "HAMAS"), ("Qassam Brigades", None, "QASSAM"), ("Palestinian Islamic Jihad", None, "PIJ"),
    ("IDF", None, "ISR.MIL"), ("Fatah", None, "FATAH"), ("Palestinian Authority", None, "PSE.GOV"),
    ("Wagner", None, "WAGNER"), ("Azov", None, "AZOV"), ("Donetsk People's Republic", None, "DPR"),
    ("Ukrainian Armed Forces", None, "UKR.MIL"), ("al-Shabaab", None, "AL_SHABAAB"),
    ("Boko Haram", None, "BOKO_HARAM"), ("ISWAP", None, "ISWAP"),
    ("UN Security Council", None, "UN.SC"), ("OPCW", None, "OPCW"), ("White Helmets", None, "WHITE_HELMETS"),
    ("Syrian Observatory for Human Rights", None, "SOHR"), ("Reuters", None, "REUTERS"),
    ("The Daily Beast", None, "DAILY_BEAST"), ("Revolutionary Guards", None, "IRN.MIL.IRGC"),
    ("Quds Force", None, "IRN.MIL.IRGC.QF"), ("Tehran", None, "IRN.GOV"), ("Türkiye", None, "TUR"),
    ("Cote d'Ivoire", None, "CIV"), ("Ivory Coast", None, "CIV"),
    ("Konashenkov", None, "KONASHENKOV"), ("Mr. Joscelyn", None, "JOSCELYN"),
    ("Abu Mohammad al-Jolani", None, "SHARAA"), ("Bashar al-Assad", None, "ASSAD"),
    ("rebels", None, "REBELS"), ("civilians", None, "CIVILIANS"), ("jihadists", None, "JIHADISTS"),
    ("pro-government forces", None, "PRO_GOVERNMENT_FORCES"),
])
def test_catalogue_lookup_names(catalogue, text, on, expected):
    assert ids(catalogue.lookup(text, on=on))[:1] == [expected]


@pytest.mark.parametrize("text", ["", "   ", "the", "Narnia", "Syrian Democratic"])
def test_catalogue_lookup_unknown_name_is_empty(catalogue, text):
    assert catalogue.lookup(text) == []


@pytest.mark.parametrize("text, ancestors", [
    ("the Pentagon", ["USA"]),
    ("Russia's defense ministry", ["RUS.MIL", "RUS"]),
    ("CENTCOM", ["USA.MIL", "USA"]),
    ("Quds Force", ["IRN.MIL.IRGC", "IRN.MIL", "IRN"]),
    ("Syrian government", ["SYR.GOV", "SYR"]),
    ("Peshmerga", ["IRQ.KRG", "IRQ"]),
    ("ISIS", []),
])
def test_catalogue_ancestors(catalogue, text, ancestors):
    (actor, *_) = catalogue.lookup(text, on="2017-01-01")
    assert ids(catalogue.ancestors(actor.id)) == ancestors


@pytest.mark.parametrize("text, on, expected", [
    ("Syrian government", "2017-05-01", "SYR.GOV.ASSAD"),
    ("the Syrian government", "2025-03-01", "SYR.GOV.TRANS"),
    ("Syrian government", "2024-12-07", "SYR.GOV.ASSAD"),
    ("Syrian government", "2024-12-08", "SYR.GOV.TRANS"),
    ("the regime", "2016-01-01", "SYR.GOV.ASSAD"),
    ("Damascus", "2017-05-01", "SYR.GOV.ASSAD"),
    ("Damascus", "2025-03-01", "SYR.GOV.TRANS"),
    ("Syrian Arab Army", "2017-05-01", "SYR.MIL.SAA"),
    ("Syrian army", "2025-03-01", "SYR.MIL.TRANS"),
    ("Syrian forces", "2017-05-01", "SYR.MIL.SAA"),
    ("Syrian interim government", "2017-05-01", "SYR.SIG"),
    ("Syrian interim government", "2025-03-01", "SYR.GOV.TRANS"),
    ("Afghan government", "2019-01-01", "AFG.GOV.IRA"),
    ("Afghan government", "2022-01-01", "AFG.GOV.TALIBAN"),
    ("Sudanese government", "2015-01-01", "SDN.GOV.BASHIR"),
    ("Sudanese government", "2020-01-01", "SDN.GOV.TRANS"),
    ("Sudanese government", "2024-01-01", "SDN.GOV.SAF"),
])
def test_catalogue_lookup_by_date(catalogue, text, on, expected):
    assert ids(catalogue.lookup(text, on=on)) == [expected]


def test_catalogue_lookup_without_date_prefers_the_current_actor(catalogue):
    assert ids(catalogue.lookup("Syrian government")) == ["SYR.GOV.TRANS"]


@pytest.mark.parametrize("text, on, expected", [
    ("Jabhat al-Nusra", "2020-01-01", ["NUSRA"]),
    ("HTS", "2010-01-01", ["HTS"]),
    ("the regime", "2025-03-01", ["SYR.GOV.ASSAD"]),
])
def test_catalogue_lookup_outside_validity_returns_what_the_name_named(catalogue, text, on, expected):
    assert ids(catalogue.lookup(text, on=on)) == expected


def test_catalogue_lookup_returns_every_actor_sharing_a_name(catalogue):
    assert sorted(ids(catalogue.lookup("Congolese army"))) == ["COD.MIL", "COG.MIL"]


@pytest.mark.parametrize("word, expected", [
    ("American", "USA"), ("Americans", "USA"), ("Russian", "RUS"), ("the Russians", "RUS"), ("Iranian", "IRN"),
    ("Turkish", "TUR"), ("Syrian", "SYR"), ("Iraqis", "IRQ"), ("Swiss", "CHE"), ("Saudi", "SAU"),
    ("Congolese", None), ("Kurdish", None), ("Martian", None),
])
def test_catalogue_demonym(catalogue, word, expected):
    actor = catalogue.demonym(word)
    assert (actor.id if actor else None) == expected


# ---------------------------------------------------------------- roles and relations

@pytest.mark.parametrize("person, on, expected", [
    ("ASSAD", "2024-12-07", [("SYR.GOV.ASSAD", "president")]),
    ("ASSAD", "2024-12-08", []),
    ("SHARAA", "2019-01-01", [("HTS", "leader")]),
    ("SHARAA", "2025-03-01", [("SYR.GOV.TRANS", "president")]),
    ("NASRALLAH", "2024-09-26", [("HEZBOLLAH", "secretary-general")]),
    ("NASRALLAH", "2024-09-27", []),
    ("BAGHDADI", "2019-10-27", []),
    ("KERRY", "2015-09-01", [("USA.GOV.STATE", "secretary of state")]),
    ("PUTIN", "2010-01-01", [("RUS.GOV", "prime minister")]),
])
def test_catalogue_roles_by_date(catalogue, person, on, expected):
    assert [(r.member_of, r.role) for r in catalogue.roles(person, on=on)] == expected


def test_catalogue_roles_are_memberships(catalogue):
    (konashenkov,) = catalogue.lookup("Konashenkov")
    memberships = catalogue.relations(konashenkov.id)
    assert [(r.source, r.type, r.target) for r in memberships] == [("KONASHENKOV", "MEMBER_OF", "RUS.MIL.MOD")]
    assert "RUS" in ids(catalogue.ancestors("RUS.MIL.MOD"))


@pytest.mark.parametrize("actor_id, on, relation", [
    ("HTS", None, ("HTS", "SUCCEEDS", "JFS")),
    ("YPG", "2017-01-01", ("YPG", "MEMBER_OF", "SDF")),
    ("SNA", None, ("TUR", "BACKS", "SNA")),
    ("SYR.GOV.ASSAD", "2016-01-01", ("RUS", "BACKS", "SYR.GOV.ASSAD")),
])
def test_catalogue_relations(catalogue, actor_id, on, relation):
    assert relation in [(r.source, r.type, r.target) for r in catalogue.relations(actor_id, on=on)]


def test_catalogue_relations_respect_dates(catalogue):
    before = [(r.source, r.type) for r in catalogue.relations("SYR.GOV.ASSAD", on="2015-01-01")]
    assert ("RUS", "BACKS") not in before


# ---------------------------------------------------------------- names

@pytest.mark.parametrize("text, normalized", [
    ("U.S.", "us"), ("US", "us"), ("The U.S.-led Coalition\u2019s", "us led coalition"),
    ("Da'esh", "daesh"), ("Hay\u2019at  Tahrir\tal-Sham", "hayat tahrir al sham"),
    ("Côte d'Ivoire", "cote divoire"), ("the Pentagon", "pentagon"), ("Mr. Joscelyn", "joscelyn"),
    ("Theresa", "theresa"), ("Russia's defense ministry", "russias defense ministry"),
])
def test_catalogue_normalize_name(text, normalized):
    assert normalize_name(text) == normalized


# ---------------------------------------------------------------- user files

USER_YAML = """\
format: 1
actors:
  - id: LIWA_AL_QUDS
    name: Liwa al-Quds
    kind: militia
    until: 2024-12-08
    aliases: [Al-Quds Brigade]
    relations: [{type: ALLIED_WITH, target: SYR.GOV.ASSAD}]
  - id: HTS
    name: Tahrir al-Sham Committee
    kind: armed group
    from: 2017-02-01
    aliases: [Tahrir Committee]
  - id: LOCAL_FORCES
    name: Iranian forces
    kind: militia
"""

USER_CSV = """\
id,name,kind,aliases,parent,wikidata,cameo,from,until
DAILY_BEAST,The Daily Beast (US),media outlet,Beast;TDB,,,,,
NEW_AGENCY,Syrian New Agency,agency,New Agency;SNAG,SYR.GOV.TRANS,,,2025-01-01,
"""


def test_catalogue_user_yaml_adds_and_overrides(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(USER_YAML, encoding="utf-8")
    catalogue = load_catalogue([path])
    assert ids(catalogue.lookup("Al-Quds Brigade", on="2016-01-01")) == ["LIWA_AL_QUDS"]
    assert catalogue.get("HTS").name == "Tahrir al-Sham Committee"
    assert ids(catalogue.lookup("Tahrir Committee", on="2018-01-01")) == ["HTS"]
    assert catalogue.lookup("Hayat Tahrir al-Sham") == []  # replaced whole: bundled aliases are gone
    assert len(catalogue) == len(load_catalogue()) + 2
    # a name written in an entry beats the same name made by a template (IRN.MIL's)
    assert ids(catalogue.lookup("Iranian forces")) == ["LOCAL_FORCES"]
    assert ids(load_catalogue().lookup("Iranian forces")) == ["IRN.MIL"]


def test_catalogue_user_csv_adds_and_overrides(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(USER_CSV, encoding="utf-8")
    catalogue = load_catalogue([path])
    assert catalogue.get("DAILY_BEAST").name == "The Daily Beast (US)"
    assert ids(catalogue.lookup("TDB")) == ["DAILY_BEAST"]
    assert catalogue.lookup("Daily Beast") == []
    assert ids(catalogue.lookup("snag")) == ["NEW_AGENCY"]
    assert ids(catalogue.ancestors("NEW_AGENCY")) == ["SYR.GOV.TRANS", "SYR.GOV", "SYR"]


def test_catalogue_user_state_overrides_its_government(tmp_path):
    path = tmp_path / "state.yaml"
    path.write_text("format: 1\nstates:\n  - {iso3: SYR, name: Syria, un: member, demonyms: [Syrian],"
                    " government_aliases: [Syrian state]}\n", encoding="utf-8")
    catalogue = load_catalogue([path])
    assert ids(catalogue.lookup("Syrian state")) == ["SYR.GOV"]
    assert ids(catalogue.lookup("Syrian government")) == ["SYR.GOV"]


def test_catalogue_later_user_file_wins(tmp_path):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("id,name,kind\nX_GROUP,First,militia\n", encoding="utf-8")
    second.write_text("id,name,kind\nX_GROUP,Second,militia\n", encoding="utf-8")
    assert load_catalogue([first, second]).get("X_GROUP").name == "Second"


BAD_FILES = [
    ("kind.yaml", "format: 1\nactors:\n  - {id: NEW_GROUP, name: New, kind: rebel group}\n",
     ["NEW_GROUP", "unknown kind 'rebel group'"]),
    ("twice.yaml", "format: 1\nactors:\n  - {id: NEW_GROUP, name: A, kind: militia}\n"
                   "  - {id: NEW_GROUP, name: B, kind: militia}\n", ["NEW_GROUP", "already used"]),
    ("parent.yaml", "format: 1\nactors:\n  - {id: NEW_GROUP, name: A, kind: militia, parent: NOWHERE}\n",
     ["NEW_GROUP", "parent 'NOWHERE'"]),
    ("date.yaml", "format: 1\nactors:\n  - {id: NEW_GROUP, name: A, kind: militia, from: 2017-13-45}\n",
     ["NEW_GROUP", "bad date"]),
    ("order.yaml", "format: 1\nactors:\n  - {id: NEW_GROUP, name: A, kind: militia, from: 2018, until: 2017}\n",
     ["NEW_GROUP", "is not before"]),
    ("field.yaml", "format: 1\nactors:\n  - {id: NEW_GROUP, name: A, kind: militia, alias: [B]}\n",
     ["NEW_GROUP", "unknown field 'alias'"]),
    ("relation.yaml", "format: 1\nactors:\n  - {id: NEW_GROUP, name: A, kind: militia, relations: [{type: FUNDS, target: SDF}]}\n",
     ["NEW_GROUP", "unknown relation type 'FUNDS'"]),
    ("version.yaml", "actors:\n  - {id: NEW_GROUP, name: A, kind: militia}\n", ["format: 1"]),
    ("syntax.yaml", "format: 1\nactors: [\n", ["not valid YAML"]),
    ("loop.yaml", "format: 1\nactors:\n  - {id: A_ONE, name: A, kind: militia, parent: B_TWO}\n"
                  "  - {id: B_TWO, name: B, kind: militia, parent: A_ONE}\n", ["loop"]),
    ("columns.csv", "id,name,kind,alias\nNEW_GROUP,A,militia,B\n", ["unknown column(s) alias"]),
    ("missing.csv", "id,name,kind\nNEW_GROUP,,militia\n", ["missing required field 'name'"]),
    ("types.txt", "NEW_GROUP", ["unsupported catalogue file type"]),
]


@pytest.mark.parametrize("name, content, expected", BAD_FILES, ids=[case[0] for case in BAD_FILES])
def test_catalogue_bad_user_file_is_named_in_the_error(tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CatalogueError) as raised:
        load_catalogue([path])
    message = str(raised.value)
    assert name in message
    for part in expected:
        assert part in message
    assert all(problem.fix for problem in raised.value.problems)


def test_catalogue_missing_user_file_is_named_in_the_error(tmp_path):
    with pytest.raises(CatalogueError, match=re.escape(str(tmp_path / "absent.yaml"))):
        load_catalogue([tmp_path / "absent.yaml"])


# ---------------------------------------------------------------- the project's gold keys

# Gold keys (shared/gold/aliases.yaml) -> catalogue ids that count as that key, with the
# date to look names up on (the gold corpus is from 2015-2017; SYR_TRANS is later).
GOLD_KEYS = {
    "US": ({"USA"}, "2016-01-01"), "RUS": ({"RUS"}, "2016-01-01"), "ISIS": ({"ISIS"}, "2016-01-01"),
    "SDF": ({"SDF"}, "2016-01-01"), "ASSAD_GOV": ({"SYR.GOV.ASSAD", "SYR.MIL.SAA"}, "2016-01-01"),
    "SYR_TRANS": ({"SYR.GOV.TRANS"}, "2025-03-01"), "HEZBOLLAH": ({"HEZBOLLAH"}, "2016-01-01"),
    "IRN": ({"IRN"}, "2016-01-01"), "IRQ": ({"IRQ"}, "2016-01-01"),
    "REBELS": ({"REBELS", "SYR.REB", "FSA"}, "2016-01-01"), "HTS": ({"HTS"}, "2018-01-01"),
    "NUSRA": ({"NUSRA"}, "2015-01-01"), "AQ": ({"AQ"}, "2016-01-01"), "TALIBAN": ({"TALIBAN"}, "2016-01-01"),
    "AFG": ({"AFG"}, "2016-01-01"),
}


@pytest.mark.parametrize("key", sorted(GOLD_KEYS))
def test_catalogue_resolves_gold_keys(catalogue, shared, key):
    gold = yaml.safe_load((shared / "gold" / "aliases.yaml").read_text(encoding="utf-8"))
    accepted, on = GOLD_KEYS[key]

    def counts(actor):
        return actor.id in accepted or bool(accepted & set(ids(catalogue.ancestors(actor.id))))

    resolved = [name for name in gold[key] for actor in catalogue.lookup(str(name), on=on) if counts(actor)]
    assert resolved, f"none of {gold[key]} resolves to {sorted(accepted)}"
