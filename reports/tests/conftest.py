import pytest

from reports import registry
from reports.registry import Part, Renderer


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Generated files of a test go to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


SIMPLE_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title></head>
<body><h1>{title}</h1><p>{body}</p></body></html>"""


@pytest.fixture
def simple_renderer(monkeypatch):
    """A renderer of a one-page document that the Chair's office alone may see, registered for one
    test. Its parameters: {"title": "..."}. `calls` counts how many documents it built."""
    from accounts.permissions import is_chair_office

    calls = []

    def build(params):
        calls.append(params)
        yield Part(SIMPLE_HTML.format(title=params["title"], body="Bonjour, señora Núñez"))

    renderer = Renderer(
        kind="test-simple",
        label="Simple test document",
        can_access=lambda user, params: is_chair_office(user),
        build=build,
        filename=lambda params: "gfmd-test.pdf",
        clean_params=lambda raw: {"title": str(raw.get("title", "Untitled"))},
    )
    renderer.calls = calls
    monkeypatch.setitem(registry._RENDERERS, renderer.kind, renderer)
    return renderer


@pytest.fixture
def failing_renderer(monkeypatch):
    def build(params):
        raise ZeroDivisionError("secret internal detail")
        yield  # a generator, like every build()

    renderer = Renderer(
        kind="test-failing",
        label="Failing test document",
        can_access=lambda user, params: user.is_authenticated,
        build=build,
        filename=lambda params: "gfmd-failing.pdf",
    )
    monkeypatch.setitem(registry._RENDERERS, renderer.kind, renderer)
    return renderer


@pytest.fixture(autouse=True)
def _an_open_meeting_for_the_chair_office(request):
    """This app's pages are the Chair's office's across meetings (accounts.permissions.is_chair_office):
    support, or the staff of an open meeting. The tests' default Chair's office member
    (ChairOfficeFactory) is staff of every meeting of the test: here there is always one, not current."""
    if request.node.get_closest_marker("django_db") is None and not {"db", "transactional_db"} & set(
        request.fixturenames
    ):
        return
    request.getfixturevalue("transactional_db" if "transactional_db" in request.fixturenames else "db")
    from roundtables.tests.factories import MeetingFactory

    MeetingFactory(is_current=False, title_en="A meeting in preparation")
