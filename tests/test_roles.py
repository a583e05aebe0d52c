from spotlight_dash import roles


def test_no_secret_configured_means_nobody_is_an_editor(monkeypatch):
    monkeypatch.delenv(roles.EDITOR_SECRET_ENV, raising=False)
    assert not roles.is_editor("anything") and not roles.is_editor("")
    assert not roles.editor_secret_configured()


def test_only_the_configured_secret_makes_an_editor(monkeypatch):
    monkeypatch.setenv(roles.EDITOR_SECRET_ENV, "s3cret-ü")
    assert roles.is_editor("s3cret-ü")
    assert not roles.is_editor("s3cret") and not roles.is_editor(None) and not roles.is_editor("S3CRET-ü")
