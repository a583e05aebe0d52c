from spotlight_dash import roles


def test_no_secret_configured_means_nobody_is_an_editor(monkeypatch):
    monkeypatch.delenv(roles.EDITOR_SECRET_ENV, raising=False)
    assert not roles.is_editor("anything") and not roles.is_editor("")
    assert not roles.editor_secret_configured()


def test_only_the_configured_secret_makes_an_editor(monkeypatch):
    monkeypatch.setenv(roles.EDITOR_SECRET_ENV, "s3cret-ü")
    assert roles.is_editor("s3cret-ü")
    assert not roles.is_editor("s3cret") and not roles.is_editor(None) and not roles.is_editor("S3CRET-ü")


# --- sign-in through the identity provider: who is an editor, who may view ---------------------------------------

AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
        "client_id": "dashboard", "client_secret": "s", "server_metadata_url": "http://idp/.well-known/openid-configuration"}


def _user(email, verified=True, name="Amina Karimova", **claims):
    return {"is_logged_in": True, "email": email, "email_verified": verified, "name": name, **claims}


def test_an_editor_is_a_verified_e_mail_on_the_list_in_any_case():
    rules = roles.access_from_secrets(AUTH, {"editors": ["Amina.Karimova@UNWomen.org", " m.e@undp.org "]})
    assert roles.may_edit(rules, roles.person_from_user(_user("amina.karimova@unwomen.org")))
    assert roles.may_edit(rules, roles.person_from_user(_user("M.E@UNDP.ORG")))
    # lower case, not case folding: "straße" and "strasse" are two mailboxes
    sharp = roles.access_from_secrets(AUTH, {"editors": ["straße@unfpa.org"]})
    assert not roles.may_edit(sharp, roles.person_from_user(_user("strasse@unfpa.org")))
    assert not roles.may_edit(rules, roles.person_from_user(_user("amina.karimova@unwomen.org.evil.com")))


def test_an_unverified_e_mail_or_a_name_never_makes_an_editor():
    rules = roles.access_from_secrets(AUTH, {"editors": ["amina@unwomen.org"]})
    for user in (_user("amina@unwomen.org", verified=False), _user("amina@unwomen.org", verified="false"),
                 {k: v for k, v in _user("amina@unwomen.org").items() if k != "email_verified"},
                 _user(None, name="amina@unwomen.org"), _user("amina@unwomen.org", preferred_username="x") | {
                     "is_logged_in": False}):
        person = roles.person_from_user(user)
        assert not roles.may_edit(rules, person), user
    assert roles.person_from_user(_user("amina@unwomen.org", verified=False)).email is None
    assert roles.may_edit(rules, roles.person_from_user(_user("amina@unwomen.org", verified="true")))  # Cognito's way


def test_editors_without_an_identity_provider_edit_nothing():
    rules = roles.access_from_secrets(None, {"editors": ["amina@unwomen.org"]})
    assert not rules.sign_in and not roles.may_edit(rules, roles.Person("Amina", "amina@unwomen.org"))
    assert any("nobody edits" in p for p in rules.problems)
    half = roles.access_from_secrets({"client_id": "x"}, {"editors": ["amina@unwomen.org"]})
    assert not half.sign_in and not roles.may_edit(half, roles.Person("Amina", "amina@unwomen.org"))


def test_with_nothing_configured_everyone_views_and_nobody_edits():
    rules = roles.access_from_secrets(None, None)
    assert rules == roles.Access() and roles.may_view(rules, None) and not roles.may_edit(rules, None)


def test_signed_in_viewers_and_allowed_domains():
    public = roles.access_from_secrets(AUTH, {"viewers": "public"})
    assert roles.may_view(public, None)
    signed_in = roles.access_from_secrets(AUTH, {"viewers": "signed-in"})
    assert not roles.may_view(signed_in, None)
    assert roles.may_view(signed_in, roles.person_from_user(_user("anyone@gmail.com", verified=False)))
    agencies = roles.access_from_secrets(AUTH, {"viewers": "signed-in", "viewer_domains": ["UNWomen.org", "@undp.org"],
                                                "editors": ["ed@eeas.europa.eu"]})
    assert roles.may_view(agencies, roles.person_from_user(_user("a@unwomen.org")))
    assert roles.may_view(agencies, roles.person_from_user(_user("b@UNDP.org")))
    assert not roles.may_view(agencies, roles.person_from_user(_user("a@unwomen.org.example.com")))
    assert not roles.may_view(agencies, roles.person_from_user(_user("a@unwomen.org", verified=False)))
    assert roles.may_view(agencies, roles.person_from_user(_user("ed@eeas.europa.eu")))  # an editor always sees


def test_settings_not_understood_take_the_stricter_reading():
    typo = roles.access_from_secrets(AUTH, {"viewers": "everyone"})
    assert typo.viewers == roles.VIEWERS_SIGNED_IN and not roles.may_view(typo, None) and typo.problems
    nobody = roles.access_from_secrets(None, {"viewers": "signed-in"})
    assert not roles.may_view(nobody, roles.Person("Amina", "amina@unwomen.org")) and nobody.problems
    unknown_provider = roles.access_from_secrets(AUTH, {"provider": "entra", "editors": ["a@unwomen.org"]})
    assert not unknown_provider.sign_in and not roles.may_edit(unknown_provider, roles.Person("A", "a@unwomen.org"))
    named = roles.access_from_secrets({**AUTH, "entra": {"client_id": "x"}}, {"provider": "entra"})
    assert named.sign_in and named.provider == "entra"
    assert not [p for rules in (typo, nobody, unknown_provider) for p in rules.problems if "x" * 32 in p]


def test_the_history_names_a_person_by_name_and_e_mail():
    assert roles.person_from_user(_user("amina@unwomen.org")).label == "Amina Karimova <amina@unwomen.org>"
    assert roles.person_from_user(_user("amina@unwomen.org", name=None)).label == "amina@unwomen.org"
    assert roles.person_from_user(_user("amina@unwomen.org", name="Amina@UNWomen.org")).label == "amina@unwomen.org"
    assert roles.person_from_user({"is_logged_in": False, "email": "amina@unwomen.org"}) is None
