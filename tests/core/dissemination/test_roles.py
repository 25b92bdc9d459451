"""Who sees what on the intranet, without a server (the server tests ask a real one)."""
from trafficking_db.trafficking_plugin.core.dissemination import roles
from trafficking_db.trafficking_plugin.core.schema import IDENTIFYING_COLUMNS, TABLES_BY_NAME


def test_missing_or_unknown_role_is_the_public():
    assert roles.role_of(None) == roles.role_of("") == roles.role_of("Admin") == roles.PUBLIC
    assert roles.role_of(" Staff ") == roles.STAFF and roles.role_of("partner") == roles.PARTNER


def test_each_role_reads_its_layers_only():
    assert roles.may_read("staff", "network_member") and roles.may_read("staff", "establishment")
    assert not roles.may_read("partner", "network_member")
    assert not roles.may_read("partner", "establishment")
    assert roles.may_read("partner", "establishment_district")
    assert roles.may_read("partner", "organization") and roles.may_read("partner", "risk_district")
    public = {key for key in roles.SERVED if roles.may_read("public", key)}
    assert public == {"province", "district", "subdistrict", "public_subdistrict"}
    # A layer nobody named (a table added later, a person-level one) is nobody's.
    for key in ("person", "risk_person", "case", "case_event", None):
        assert not any(roles.may_read(role, key) for role in roles.ROLES)


def test_no_person_or_identity_field_is_served():
    served = {f for key in roles.SERVED for f in roles.served_fields(key)}
    assert not served & set(IDENTIFYING_COLUMNS + ("case_refs", "person_key", "case_key"))
    assert "address" not in roles.served_fields("network_member")
    for key in roles.SERVED:
        if key in TABLES_BY_NAME:
            columns = {c.name for c in TABLES_BY_NAME[key].columns}
            assert set(roles.served_fields(key)) <= columns, key


def test_fields_and_features_by_role():
    fields = ["fid", "code", "drivers", "mean_index", "risk_class", "persons_scored"]
    assert roles.visible_fields("partner", "risk_subdistrict", fields) == \
        ["fid", "code", "risk_class", "persons_scored"]
    assert roles.visible_fields("public", "risk_subdistrict", fields) == []
    assert roles.feature_filter("partner", "risk_subdistrict", 11) == '"persons_scored" >= 11'
    assert roles.feature_filter("staff", "risk_subdistrict", 11) == ""
    assert not roles.may_print("partner", ["risk_subdistrict", "risk_village"])
    assert roles.may_print("partner", ["risk_subdistrict", "district"])


def test_filters_naming_hidden_fields_are_refused():
    assert roles.refused_parameter("partner", {"EXP_FILTER": '"mean_index" > 1'}) == "EXP_FILTER"
    assert roles.refused_parameter("partner", {"mean_index": "1"}) == "mean_index"
    assert roles.refused_parameter("partner", {"SORTBY": "drivers DESC"}) == "SORTBY"
    assert roles.refused_parameter("partner", {"EXP_FILTER": '"risk_class" = \'high\''}) is None
    assert roles.refused_parameter("staff", {"EXP_FILTER": '"drivers" LIKE \'%I06%\''}) is None
    assert roles.refused_parameter("staff", {"EXP_FILTER": '"case_refs" IS NOT NULL'}) == \
        "EXP_FILTER"
