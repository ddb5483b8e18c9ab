"""Languages: pages follow the browser's Accept-Language or the language a person picks in the header,
service refusals come in that language too, and the Spanish catalogue is complete and compiled."""

import ast
import datetime as dt
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

import sellerdesk
from sellerdesk.accounts import permissions
from sellerdesk.cases import services
from sellerdesk.core import clock
from sellerdesk.core.errors import SellerdeskError

SPANISH = {"accept-language": "es"}
LOGIN = reverse("login")
CASES = reverse("portal:cases")
SETLANG = reverse("set_language")
PACKAGE = Path(sellerdesk.__file__).parent
T0 = dt.datetime(2025, 3, 3, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _back_to_the_default_language():
    # A request leaves its language active in the thread; later tests expect the default.
    yield
    translation.deactivate()


# --- pages in Spanish ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_sign_in_page_is_in_spanish_for_a_browser_asking_for_spanish(client):
    page = client.get(LOGIN, headers=SPANISH)

    assertContains(page, '<html lang="es">')
    assertContains(page, "<h1>Iniciar sesión</h1>", html=False)
    assertContains(page, "Los vendedores y los agentes de soporte inician sesión aquí.")
    assertContains(page, "Nombre de usuario")  # Django's own form labels come in Spanish too
    assertNotContains(page, "Sellers and support agents sign in here.")


@pytest.mark.django_db
def test_sign_in_page_stays_english_without_a_language_preference(client):
    page = client.get(LOGIN)

    assertContains(page, '<html lang="en">')
    assertContains(page, "Sellers and support agents sign in here.")


@pytest.mark.django_db
def test_portal_case_list_is_in_spanish_for_a_seller_asking_for_spanish(client_as, ana, tier1, open_case_as):
    open_case_as(ana, subject="Pago no recibido", category="payments")

    page = client_as(ana).get(CASES, headers=SPANISH)

    assertContains(page, "<h1>Mis casos</h1>", html=False)
    assertContains(page, "Abrir un caso")
    assertContains(page, ">Activos</a>", html=False)
    assertContains(page, '<span class="badge status-new">Nuevo</span>', html=False)
    assertContains(page, "Pagos")  # the category label
    assertNotContains(page, "My cases")


@pytest.mark.django_db
def test_empty_portal_case_list_explains_itself_in_spanish(client_as, ana):
    page = client_as(ana).get(CASES, headers=SPANISH)

    assertContains(page, "No tiene casos abiertos. Si algo va mal, abra un caso y le responderá una persona.")


# --- the language switcher -------------------------------------------------------------------------


@pytest.mark.django_db
def test_anonymous_visitor_gets_the_language_switcher_on_the_sign_in_page(client):
    page = client.get(LOGIN + "?next=/portal/")

    html = page.content.decode()
    switcher = re.search(r'<form method="post" action="/i18n/setlang/".*?</form>', html, re.S)
    assert switcher, "no language switcher in the header"
    form = switcher.group(0)
    assert 'name="csrfmiddlewaretoken"' in form
    assert 'name="next" value="/accounts/login/?next=/portal/"' in form
    assert 'value="en" lang="en" class="current" aria-current="true">English</button>' in form
    assert 'value="es" lang="es">Español</button>' in form


@pytest.mark.django_db
def test_language_switcher_names_each_language_in_its_own_words_on_a_spanish_page(client_as, ana):
    page = client_as(ana).get(CASES, headers=SPANISH)

    assertContains(page, '<button type="submit" name="language" value="en" lang="en">English</button>', html=False)
    assertContains(page, 'lang="es" class="current" aria-current="true">Español</button>', html=False)


@pytest.mark.django_db
def test_chosen_language_sticks_for_the_session_and_can_be_switched_back(client_as, ana):
    seller = client_as(ana)

    chosen = seller.post(SETLANG, {"language": "es", "next": CASES})

    assertRedirects(chosen, CASES, fetch_redirect_response=False)
    # No Accept-Language on the next requests: the choice alone decides, page after page.
    assertContains(seller.get(CASES), "<h1>Mis casos</h1>", html=False)
    assertContains(seller.get(reverse("portal:new")), "Describa el problema")

    seller.post(SETLANG, {"language": "en", "next": CASES})
    assertContains(seller.get(CASES), "<h1>My cases</h1>", html=False)


@pytest.mark.django_db
def test_chosen_language_outweighs_the_browser_and_survives_signing_out(client_as, ana):
    seller = client_as(ana)
    seller.post(SETLANG, {"language": "es", "next": CASES})

    assertContains(seller.get(CASES, headers={"accept-language": "en"}), "<h1>Mis casos</h1>", html=False)
    seller.post(reverse("logout"))
    assertContains(seller.get(LOGIN), "<h1>Iniciar sesión</h1>", html=False)


@pytest.mark.django_db
def test_language_switcher_on_a_page_answering_a_post_returns_home(client_as, agent, ana, open_case_as):
    case = open_case_as(ana)

    refused = client_as(agent).post(reverse("workspace:status", args=[case.pk]), {"status": "bananas"})

    assert refused.status_code == 400
    # The address that answered a POST cannot be fetched again; the switcher goes home instead.
    assertContains(refused, '<input type="hidden" name="next" value="/">', status_code=400, html=False)


# --- refusals from the services, in the page's language --------------------------------------------


@pytest.mark.django_db
def test_reopen_after_the_window_is_refused_in_spanish(client_as, ana, tier1, open_case_as):
    with clock.frozen_at(T0):
        case = open_case_as(ana)
        services.change_status(actor=ana, case_id=case.pk, status="resolved")

    with clock.frozen_at(T0 + dt.timedelta(days=15)):
        response = client_as(ana).post(
            reverse("portal:reopen", args=[case.pk]), {"reason": "Sigue sin llegar"}, headers=SPANISH
        )

    assertContains(
        response,
        "Los casos se pueden reabrir durante 14 días después de resolverse. Abra un caso nuevo y mencione este.",
        status_code=400,
    )


@pytest.mark.django_db
def test_refused_status_change_is_explained_in_spanish_with_translated_status_names(
    client_as, agent, ana, open_case_as
):
    case = open_case_as(ana)
    services.change_status(actor=agent, case_id=case.pk, status="resolved")

    response = client_as(agent).post(reverse("workspace:status", args=[case.pk]), {"status": "open"}, headers=SPANISH)

    assertContains(
        response, "Un caso no puede pasar de Resuelto a Abierto. Para recuperarlo, reábralo.", status_code=400
    )


@pytest.mark.django_db
def test_service_refusal_is_english_by_default(ana, tier1, open_case_as, refused):
    case = open_case_as(ana)

    with refused("permission_denied") as info:
        services.change_status(actor=ana, case_id=case.pk, status="open")

    assert info.value.message == "Sellers can mark a case resolved or reopen it; agents set other statuses."


@pytest.mark.django_db
def test_api_error_message_follows_accept_language_and_its_code_does_not(ana, tier1):
    response = Client().get("/api/v1/cases", headers=SPANISH)

    body = response.json()
    assert (response.status_code, body["code"]) == (401, "not_authenticated")
    assert body["message"].startswith("Envíe un token válido")


# --- whole sentences for permission refusals -------------------------------------------------------

REQUIRE_CALL = re.compile(
    r"require_(agent|seller|case_worker|operator|lead)\((?:[^()]|\([^()]*\))*?,\s*(_\()?\"([^\"]+)\""
)
SENTENCES = {
    "agent": permissions.AGENT_ONLY,
    "seller": permissions.SELLER_ONLY,
    "case_worker": permissions.CASE_WORKER_ONLY,
    "operator": permissions.OPERATOR_ONLY,
    "lead": permissions.LEAD_ONLY,
}


def test_every_action_named_to_a_permission_check_has_its_own_whole_sentence():
    missing = []
    for path in PACKAGE.rglob("*.py"):
        for rule, wrapped, action in REQUIRE_CALL.findall(path.read_text(encoding="utf-8")):
            if wrapped or action not in SENTENCES[rule]:
                missing.append(f"{path.relative_to(PACKAGE)}: require_{rule}(..., {wrapped}{action!r})")
    assert not missing, "pass a plain action key with a sentence in accounts/permissions.py:\n" + "\n".join(missing)


def test_permission_refusal_is_one_translated_sentence(ana):
    with translation.override("es"), pytest.raises(SellerdeskError) as info:
        permissions.require_agent(ana, "work cases")

    assert info.value.message == "Solo los agentes de soporte pueden trabajar en casos."


# --- the catalogues -------------------------------------------------------------------------------

CATALOGUES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
ENTRY_FIELD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$')
PLACEHOLDER = re.compile(r"%\((\w+)\)[-+ #0]*\d*(?:\.\d+)?[sdif]")


def po_file(code: str) -> Path:
    return PACKAGE / "locale" / code / "LC_MESSAGES" / "django.po"


def po_entries(path: Path) -> list[dict]:
    """The entries of a .po file: {"flags", "msgctxt"?, "msgid", "msgid_plural"?, "msgstr" or "msgstr[n]"}."""
    entries = []
    for block in path.read_text(encoding="utf-8").strip().split("\n\n"):
        entry: dict = {"flags": set()}
        field = None
        for line in block.splitlines():
            if line.startswith("#~"):  # an obsolete entry, kept by makemessages without --no-obsolete
                entry["obsolete"] = True
                line = line[2:].strip()
            if line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#") or not line:
                continue
            elif match := ENTRY_FIELD.match(line):
                field = match.group(1)
                entry[field] = ast.literal_eval(match.group(2))
            else:
                assert field and line.startswith('"'), f"unexpected line in {path}: {line!r}"
                entry[field] += ast.literal_eval(line)
        entries.append(entry)
    return entries


def translations(entry: dict) -> list[str]:
    return [value for key, value in entry.items() if key.startswith("msgstr")]


def plural_count(header: dict) -> int:
    return int(re.search(r"nplurals=(\d+)", header["msgstr"]).group(1))


def test_spanish_is_offered_and_has_a_catalogue():
    assert "es" in CATALOGUES


@pytest.mark.parametrize("code", CATALOGUES)
def test_catalogue_has_every_message_translated_and_none_fuzzy(code):
    entries = po_entries(po_file(code))
    header, messages = entries[0], entries[1:]

    assert header["msgid"] == "" and f"Language: {code}\n" in header["msgstr"] and "fuzzy" not in header["flags"]
    assert len(messages) > 300
    untranslated = [e["msgid"] for e in messages if not all(t.strip() for t in translations(e))]
    fuzzy = [e["msgid"] for e in messages if "fuzzy" in e["flags"]]
    obsolete = [e["msgid"] for e in messages if e.get("obsolete")]
    assert (untranslated, fuzzy, obsolete) == ([], [], [])
    # Every plural form of the language is written (Spanish has three: one, many for millions, other).
    plurals = plural_count(header)
    assert [e["msgid"] for e in messages if "msgid_plural" in e and len(translations(e)) != plurals] == []


@pytest.mark.parametrize("code", CATALOGUES)
def test_translations_keep_every_named_placeholder(code):
    wrong = []
    for entry in po_entries(po_file(code))[1:]:
        wanted = set(PLACEHOLDER.findall(entry["msgid"]))
        for text in translations(entry):
            if set(PLACEHOLDER.findall(text)) != wanted:
                wrong.append((entry["msgid"], text))
    assert wrong == []


@pytest.mark.parametrize("code", CATALOGUES)
def test_compiled_catalogue_matches_the_po_file(code):
    """The .mo is committed so installs need no gettext: it must be compiled from this very .po."""
    entries = po_entries(po_file(code))
    with po_file(code).with_suffix(".mo").open("rb") as mo:
        compiled = gettext.GNUTranslations(mo)._catalog
    stale = []
    for entry in entries[1:]:
        key = f"{entry['msgctxt']}\x04{entry['msgid']}" if "msgctxt" in entry else entry["msgid"]
        if "msgid_plural" in entry:
            expected = {(key, n): entry[f"msgstr[{n}]"] for n in range(plural_count(entries[0]))}
        else:
            expected = {key: entry["msgstr"]}
        stale += [k for k, text in expected.items() if compiled.get(k) != text]
    assert stale == [], "run `sellerdesk compilemessages` in src/sellerdesk"
