"""The built-in content validates; every error path names file, entry and field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bmc_course.model.catalog import CONTENT_ENV_VAR, Catalog, load_catalog
from bmc_course.model.content_models import ARCHETYPE_IDS, MOTIVATION_IDS, RELATIONSHIP_TYPE_IDS
from bmc_course.model.input_errors import ContentError, InputIssue
from bmc_course.model.paths import content_dir, notebooks_dir

# --- the built-in content -----------------------------------------------------------------


def test_builtin_types_and_archetypes(catalog: Catalog) -> None:
    assert list(catalog.types) == list(RELATIONSHIP_TYPE_IDS)
    assert list(catalog.archetypes) == list(ARCHETYPE_IDS)
    assert list(catalog.motivations) == list(MOTIVATION_IDS)
    assert "retail" in catalog.variants
    for relationship in catalog.types.values():
        assert len(relationship.examples) >= 3
        assert "illustrative" in relationship.cost_model.note.lower()


def test_builtin_dimensions_and_channel_distinction(catalog: Catalog) -> None:
    # "personal ↔ automated" reads how much contact is with people, not personalisation
    assert {d.id: d.attribute for d in catalog.dimensions.values()} == {
        "personal_automated": "human_contact",
        "transactional_long_term": "long_term",
        "one_way_two_way": "two_way",
    }
    assert catalog.channels.distinction
    assert len(catalog.channels.channels) >= 5


def test_builtin_cases_lessons_quizzes(catalog: Catalog) -> None:
    assert len(catalog.cases) >= 7
    assert len(catalog.lessons) == 10
    for lesson_id in catalog.lessons:
        assert lesson_id in catalog.lesson_texts
        assert len(catalog.quizzes[lesson_id].questions) >= 3, lesson_id


def test_builtin_sources_name_the_book_and_the_canvas(catalog: Catalog) -> None:
    book = catalog.sources["business-model-generation"]
    assert (book.author, book.title, book.year) == (
        "Alexander Osterwalder and Yves Pigneur",
        "Business Model Generation",
        2010,
    )
    canvas = catalog.sources["business-model-canvas"]
    assert canvas.author == "Strategyzer"
    assert canvas.licence is not None and canvas.licence.startswith("CC BY-SA")
    # the five source texts of the course are each named by their subject
    assert [s.kind for s in catalog.sources.values()].count("article") == 5


def test_the_welcome_notebook_lists_every_source(catalog: Catalog) -> None:
    notebook = json.loads((notebooks_dir() / "00_welcome.ipynb").read_text(encoding="utf-8"))
    markdown = "".join(
        "".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "markdown"
    )
    assert "## Sources and further reading" in markdown
    for source in catalog.sources.values():
        assert source.title in markdown, source.id


def test_an_overlay_adds_a_source_and_a_bad_one_is_named(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "sources.toml",
        'schema_version = 1\n[[sources]]\nid = "notes"\nkind = "article"\n'
        'title = "Class notes"\nsubject = "s"\nused_for = "u"\n',
    )
    catalog = load_catalog(tmp_path)
    assert list(catalog.sources)[-1] == "notes"
    assert "business-model-generation" in catalog.sources
    _write(
        tmp_path,
        "sources.toml",
        'schema_version = 1\n[[sources]]\nid = "notes"\nkind = "blog"\n'
        'title = "Class notes"\nsubject = "s"\nused_for = "u"\n',
    )
    (issue,) = _issues(tmp_path)
    assert issue.file.endswith("sources.toml")
    assert (issue.entry, issue.field) == ("sources[0] 'notes'", "kind")
    assert "'blog'" in issue.found


def test_every_lesson_notebook_that_exists_is_listed(catalog: Catalog) -> None:
    listed = {lesson.notebook for lesson in catalog.lessons.values()}
    shipped = {path.name for path in notebooks_dir().glob("*.ipynb")}
    assert shipped <= listed
    assert "00_welcome.ipynb" in shipped


def test_loading_is_cached(catalog: Catalog) -> None:
    assert load_catalog(None) is catalog


def test_environment_variable_selects_overlay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "cases").mkdir()
    case = (content_dir() / "cases" / "cleat-maker.toml").read_text(encoding="utf-8")
    (tmp_path / "cases" / "my-case.toml").write_text(
        case.replace('id = "cleat-maker"', 'id = "my-case"'), encoding="utf-8"
    )
    monkeypatch.setenv(CONTENT_ENV_VAR, str(tmp_path))
    assert "my-case" in load_catalog().cases
    assert "cleat-maker" in load_catalog().cases


def test_overlay_replaces_an_entry_by_id(tmp_path: Path) -> None:
    types_file = (content_dir() / "relationship_types.toml").read_text(encoding="utf-8")
    (tmp_path / "relationship_types.toml").write_text(
        types_file.replace('name = "Self-service"', 'name = "Do it yourself"'), encoding="utf-8"
    )
    catalog = load_catalog(tmp_path)
    assert catalog.types["self_service"].name == "Do it yourself"
    assert list(catalog.types) == list(RELATIONSHIP_TYPE_IDS)


def test_overlay_edits_are_picked_up(tmp_path: Path) -> None:
    target = tmp_path / "relationship_types.toml"
    target.write_text("schema_version = 2\n", encoding="utf-8")
    load_catalog(tmp_path)
    target.write_text("schema_version = 2\n[[types]]\nid = 'x'\n", encoding="utf-8")
    with pytest.raises(ContentError):
        load_catalog(tmp_path)


# --- error paths: every message names file, entry, field -----------------------------------

MINIMAL_TYPE = """
[[types]]
id = "{id}"
name = "A type"
summary = "One line."
definition = "A paragraph."
examples = ["one", "two", "three"]
pros = ["cheap"]
cons = ["slow"]
fits_when = ["often"]
not_fit_when = ["rarely"]
human_fallback = false
motivations = ["retention"]
[types.attributes]
personalisation = {personalisation}
cost_to_serve = 2
scalability = 3
two_way = 2
long_term = 3
human_contact = 1
automation = 4
[types.cost_model]
setup = [{{ cost = 1000, example = "a kiosk" }}]
setup_years = 3
cost_per_customer = 2
note = "Illustrative only."
source = "Reasoning."
[[types.tests]]
assumption = "{{segment}} will use it."
method = "survey"
signal = "Most say yes."
"""


def _issues(folder: Path) -> list[InputIssue]:
    with pytest.raises(ContentError) as caught:
        load_catalog(folder)
    return caught.value.issues


def _write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_wrong_type(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "relationship_types.toml",
        "schema_version = 2\n" + MINIMAL_TYPE.format(id="kiosk", personalisation='"high"'),
    )
    (issue,) = _issues(tmp_path)
    assert issue.file.endswith("relationship_types.toml")
    assert issue.entry == "types[0] 'kiosk'"
    assert issue.field == "attributes.personalisation"
    assert "'high'" in issue.found and "integer" in issue.expected


def test_out_of_range(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "relationship_types.toml",
        "schema_version = 2\n" + MINIMAL_TYPE.format(id="kiosk", personalisation=9),
    )
    (issue,) = _issues(tmp_path)
    assert (issue.entry, issue.field) == ("types[0] 'kiosk'", "attributes.personalisation")
    assert "5" in issue.expected and "9" in issue.found


def test_missing_field(tmp_path: Path) -> None:
    text = MINIMAL_TYPE.format(id="kiosk", personalisation=2).replace('summary = "One line."\n', "")
    _write(tmp_path, "relationship_types.toml", "schema_version = 2\n" + text)
    (issue,) = _issues(tmp_path)
    assert (issue.entry, issue.field) == ("types[0] 'kiosk'", "summary")
    assert "missing" in issue.found


def test_unknown_field_is_reported(tmp_path: Path) -> None:
    text = MINIMAL_TYPE.format(id="kiosk", personalisation=2).replace("pros =", "prons =")
    _write(tmp_path, "relationship_types.toml", "schema_version = 2\n" + text)
    fields = {issue.field for issue in _issues(tmp_path)}
    assert fields == {"prons", "pros"}


def test_duplicate_id(tmp_path: Path) -> None:
    one = MINIMAL_TYPE.format(id="kiosk", personalisation=2)
    _write(tmp_path, "relationship_types.toml", "schema_version = 2\n" + one + one)
    (issue,) = _issues(tmp_path)
    assert (issue.entry, issue.field) == ("types[1] 'kiosk'", "id")
    assert "duplicate of types[0]" in issue.found


def test_unknown_id_in_a_case(tmp_path: Path) -> None:
    case = (content_dir() / "cases" / "cleat-maker.toml").read_text(encoding="utf-8")
    case = case.replace('"self_service"', '"telepathy"', 1)
    _write(tmp_path, "cases/cleat-maker.toml", case)
    (issue,) = _issues(tmp_path)
    assert issue.file.endswith("cleat-maker.toml")
    assert issue.entry.startswith("segments[")
    assert issue.field == "relationships[0].type"
    assert issue.found == "'telepathy'"
    assert "self_service" in issue.expected


def test_unknown_type_in_relationship_words(tmp_path: Path) -> None:
    channels = (content_dir() / "channels.toml").read_text(encoding="utf-8")
    _write(
        tmp_path,
        "channels.toml",
        channels.replace('type = "communities"', 'type = "community"', 1),
    )
    (issue,) = _issues(tmp_path)
    assert issue.file.endswith("channels.toml")
    assert issue.entry.startswith("relationship_words[")
    assert issue.field == "type"
    assert issue.found == "'community'"
    assert "communities" in issue.expected


def test_a_case_may_name_a_channel_in_a_learners_words(tmp_path: Path) -> None:
    case = (content_dir() / "cases" / "first-draft.toml").read_text(encoding="utf-8")
    assert '{ type = "Instagram", share = 1.0 }' in case, "premise: the case names a channel"
    _write(
        tmp_path,
        "cases/first-draft.toml",
        case.replace('{ type = "Instagram"', '{ type = "our Instagram page"', 1),
    )
    assert "first-draft" in load_catalog(tmp_path).cases


def test_unknown_archetype_reference(tmp_path: Path) -> None:
    archetypes = (content_dir() / "segment_archetypes.toml").read_text(encoding="utf-8")
    _write(
        tmp_path, "segment_archetypes.toml", archetypes.replace('"self_service"', '"self-serve"', 1)
    )
    (issue,) = _issues(tmp_path)
    assert issue.field.startswith("typical_relationships")
    assert issue.found == "'self-serve'"


def test_not_toml(tmp_path: Path) -> None:
    _write(tmp_path, "dimensions.toml", "schema_version = 1\n[[dimensions]\nid = x\n")
    (issue,) = _issues(tmp_path)
    assert issue.file.endswith("dimensions.toml")
    assert issue.entry == "(file)"
    assert issue.expected == "valid TOML" and "line 2" in issue.found


def test_not_utf8(tmp_path: Path) -> None:
    _write(tmp_path, "channels.toml", b"schema_version = 1\ndistinction = '\xff\xfe'\n")
    (issue,) = _issues(tmp_path)
    assert issue.expected == "UTF-8 text" and "0xff" in issue.found


def test_future_schema_version(tmp_path: Path) -> None:
    _write(tmp_path, "dimensions.toml", "schema_version = 2\n")
    (issue,) = _issues(tmp_path)
    assert issue.field == "schema_version" and "newer bmc-course" in issue.found


def test_an_older_content_format_is_named(tmp_path: Path) -> None:
    _write(tmp_path, "relationship_types.toml", "schema_version = 1\n")
    (issue,) = _issues(tmp_path)
    assert (issue.field, issue.expected) == ("schema_version", "schema_version = 2")
    assert issue.found == "1 (an older content format; see the README's 'Content files')"


def test_a_case_segment_funded_by_nobody_in_the_case(tmp_path: Path) -> None:
    case = (content_dir() / "cases" / "search-engine.toml").read_text(encoding="utf-8")
    _write(
        tmp_path,
        "cases/search-engine.toml",
        case.replace('funded_by = "advertisers"', 'funded_by = "sponsors"'),
    )
    (issue,) = _issues(tmp_path)
    assert (issue.entry, issue.field) == ("segments[0] 'searchers'", "funded_by")
    assert issue.found == "'sponsors'"


def test_unknown_file_name(tmp_path: Path) -> None:
    _write(tmp_path, "relationship-types.toml", "schema_version = 1\n")
    (issue,) = _issues(tmp_path)
    assert issue.file.endswith("relationship-types.toml")
    assert "relationship_types.toml" in issue.expected


def test_quiz_needs_exactly_one_correct_option(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "quizzes/welcome.toml",
        """schema_version = 1
lesson = "welcome"
[[questions]]
id = "x-1"
prompt = "Which?"
explanation = "Because."
[[questions.options]]
id = "a"
text = "A"
correct = true
feedback = "Yes."
[[questions.options]]
id = "b"
text = "B"
correct = true
feedback = "Also yes?"
""",
    )
    (issue,) = _issues(tmp_path)
    assert (issue.entry, issue.field) == ("questions[0] 'x-1'", "-")
    assert issue.expected == "exactly one option with correct = true" and issue.found == "2"


def test_three_mistakes_give_three_errors_at_once(tmp_path: Path) -> None:
    _write(
        tmp_path,
        "relationship_types.toml",
        "schema_version = 2\n" + MINIMAL_TYPE.format(id="kiosk", personalisation=0),
    )
    _write(tmp_path, "dimensions.toml", "not toml at all = = =")
    case = (content_dir() / "cases" / "cleat-maker.toml").read_text(encoding="utf-8")
    _write(tmp_path, "cases/cleat-maker.toml", case.replace('"business"', '"enterprise"', 1))
    issues = _issues(tmp_path)
    assert len(issues) == 3
    assert {Path(i.file).name for i in issues} == {
        "relationship_types.toml",
        "dimensions.toml",
        "cleat-maker.toml",
    }
    for issue in issues:
        text = str(issue)
        assert issue.file in text and issue.entry in text and issue.field in text


def test_a_file_given_as_the_content_folder_is_named_as_a_file(tmp_path: Path) -> None:
    given = tmp_path / "types.toml"
    given.write_text("schema_version = 2\n", encoding="utf-8")
    (issue,) = _issues(given)
    assert (issue.expected, issue.found) == ("a content folder", "a file")


def test_a_linked_content_file_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("password = 'hunter2'\n", encoding="utf-8")
    folder = tmp_path / "content"
    folder.mkdir()
    (folder / "dimensions.toml").symlink_to(secret)
    (issue,) = _issues(folder)
    assert (issue.expected, issue.found) == ("a plain file", "a symbolic link (not followed)")


def test_toml_nested_beyond_reason_is_one_error(tmp_path: Path) -> None:
    deep = "schema_version = 1\nx = " + "[" * 100_000 + "]" * 100_000 + "\n"
    _write(tmp_path, "dimensions.toml", deep)
    (issue,) = _issues(tmp_path)
    assert (issue.expected, issue.found) == ("valid TOML", "tables nested too deeply to read")


def test_every_type_has_links_to_the_blocks_around_it(catalog: Catalog) -> None:
    assert list(catalog.channel_phases) == [
        "awareness",
        "evaluation",
        "purchase",
        "delivery",
        "after_sales",
    ]
    assert set(catalog.canvas_links) == set(catalog.types)
    communities = catalog.canvas_links["communities"]
    assert any("community manager" in r.lower() for r in communities.key_resources)


def test_canvas_links_for_an_unknown_type_are_named(tmp_path: Path) -> None:
    (tmp_path / "canvas_links.toml").write_text(
        'schema_version = 1\n[[links]]\nid = "telepathy"\nchannel_phases = ["awareness"]\n'
        'key_resources = ["minds"]\nkey_activities = ["reading"]\ncost_structure = "none"\n',
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_catalog(tmp_path)
    (issue,) = caught.value.issues
    assert (issue.file, issue.entry, issue.field) == (
        "canvas_links.toml",
        "links 'telepathy'",
        "id",
    )
