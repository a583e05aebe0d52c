"""Data, for editors: template and export, load a workbook (check, see the changes, confirm), undo, history."""

import hashlib

import streamlit as st

from spotlight_dash import labels, schema, store, workbook_template
from spotlight_dash.ingest import pipeline
from spotlight_dash import formatting as fmt
from spotlight_dash.labels import messages
from spotlight_dash.ui import auth, page
from spotlight_dash.ui.language import current as current_language
from spotlight_dash.ui.language import t

page.frame(t("nav.data"), t("data.question"))
if not auth.is_editor():
    st.error(t(f"data.editors_only.{auth.editor_sign_in()}"), icon=":material/lock:")
    st.stop()

lang = current_language()
version, current, _, _ = pipeline.current_tables()
as_of = t("data.snapshot", version=version) if version else t("data.empty_store")
EDITOR = t("data.editor_in_app")


def problem_table(problems):
    """Problems as a table in the reader's language: the place stays as the file has it."""
    page.table(problems.drop(columns="severity").assign(problem=[messages.translate(m, lang) for m in problems.problem],
                                                          how_to_fix=[messages.translate(m, lang)
                                                                      for m in problems.how_to_fix]))


def checked_once(name: str, key: tuple, file_name: str, check):
    """A file's check, run once for the same bytes, choices and snapshot; a rerun reuses it
    (session state ``name`` holds it, ``name_key`` what it was run for)."""
    if st.session_state.get(f"{name}_key") != key:
        with st.status(t("data.checking", file=file_name), expanded=False) as status:
            result = check()
            status.update(label=t("data.checked", file=file_name, status=t(f"data.status.{result.status}")),
                          state="complete")
        st.session_state[f"{name}_key"], st.session_state[name] = key, result
    return st.session_state[name]


def by_severity(problems):
    """(errors, warnings) of a problems table."""
    if problems.empty:
        return problems, problems
    return problems[problems.severity == "error"], problems[problems.severity == "warning"]


st.subheader(t("data.get"))
template, export = st.columns(2)
template.download_button(t("data.template"), data=lambda: workbook_template.template_bytes(current, lang),
                         file_name="spotlight-ca_data-template.xlsx", on_click="ignore", width="stretch",
                         icon=":material/description:")
export.download_button(t("data.everything", as_of=as_of), disabled=not current,
                       data=lambda: workbook_template.export_bytes(current, as_of=as_of, lang=lang),
                       file_name=f"spotlight-ca_data_v{version or 0:04d}.xlsx", on_click="ignore",
                       width="stretch", icon=":material/download:")
st.caption(t("data.matching"))

st.subheader(t("data.load"))
# Signed in through the identity provider, the history names the editor as the provider vouches for them;
# under the editor secret only the editor can say who they are.
user_name = auth.loaded_by()
if user_name:
    st.caption(t("data.loading_as", who=user_name))
else:
    user_name = st.text_input(t("data.your_name"), key="import_user", max_chars=80)
uploaded = st.file_uploader(t("data.workbook"), type=["xlsx"], key="workbook")
removing = st.multiselect(t("data.remove"), list(schema.TABLES), key="remove_missing", help=t("data.remove_help"))

if uploaded is not None:
    data = uploaded.getvalue()
    check_key = (hashlib.sha256(data).hexdigest(), tuple(removing), version)
    result = checked_once("checked", check_key, uploaded.name,
                          lambda: pipeline.check_workbook(data, uploaded.name, removing))
    errors, warnings = by_severity(result.problems)
    if len(errors):
        st.error(t("data.problems", count=len(errors), file=uploaded.name), icon=":material/error:")
        problem_table(errors)
        marked = workbook_template.highlight_problems(data, result.report.problems, lang)
        if marked:
            st.download_button(t("data.marked"), data=marked, on_click="ignore",
                               file_name=uploaded.name.removesuffix(".xlsx") + "_problems.xlsx",
                               icon=":material/format_color_fill:")
    else:
        if len(warnings):
            st.warning(t("data.warnings", count=len(warnings)), icon=":material/warning:")
            problem_table(warnings)
        if result.status == "nothing to change":
            st.info(t("data.nothing_to_change"))
        else:
            st.markdown(t("data.changes", file=uploaded.name, as_of=as_of))
            page.table(result.changes)
            for name, change in result.comparison.tables.items():
                if change.is_empty:
                    continue
                with st.expander(t("data.table_changes", table=name, added=len(change.added),
                                   changed=len(change.changed), removed=len(change.removed))):
                    for label, rows in (("added", change.added), ("changed", change.changed),
                                        ("removed", change.removed)):
                        if len(rows):
                            st.caption(t(f"data.{label}"))
                            page.table(rows.drop(columns=[c for c in rows.columns if c.startswith("_")]))
            accepted = st.checkbox(t("data.accept"), key="accept_warnings") if len(warnings) else True
            if st.button(t("data.load_button"), type="primary", disabled=not accepted, icon=":material/publish:"):
                failure = None
                with st.status(t("data.loading"), expanded=True) as status:
                    try:
                        done = pipeline.import_workbook(data, uploaded.name, user_name or EDITOR,
                                                        accept_warnings=accepted, remove_missing=removing)
                    except store.StoreChanged as exc:
                        failure = t("data.nothing_written", reason=messages.translate(str(exc), lang))
                    except store.WriteFailed as exc:  # a full disk, a read-only folder: it says what stayed current
                        failure = messages.translate(str(exc), lang)
                    if failure:
                        status.update(label=t("data.not_loaded"), state="error")
                    else:
                        status.update(label=t("data.loaded_as", version=done.version), state="complete")
                # Outside the status box, which folds once it is complete or failed.
                if failure:
                    st.error(failure, icon=":material/error:")
                else:
                    st.session_state.pop("checked_key", None)
                    st.success(t("data.loaded", file=uploaded.name, version=done.version,
                                 changes=done.comparison.text(lang)))

st.subheader(t("data.undo"))
history = pipeline.import_history()
last = history.iloc[-1] if len(history) else None
if last is None or last.run_kind not in pipeline.UNDOABLE_RUNS:
    st.caption(t("data.nothing_to_undo"))
else:
    # A meeting's note has no file: the change is named by its kind, in the reader's language.
    what = labels.t(f"run_kind.{last.run_kind}", lang) if last.run_kind == "note" else last.file
    st.caption(t("data.last_import", file=what, user=last.user_name,
                 when=fmt.date(last.finished_at, lang, with_time=True), version=int(last.version)))
    if st.button(t("data.undo_button"), icon=":material/undo:", key="undo"):
        try:
            back = pipeline.undo_last_import(user_name or EDITOR)
        except store.StoreError as exc:
            st.error(messages.translate(str(exc), lang))
        else:
            st.success(t("data.undone", version=back))

st.subheader(t("data.iati"))
st.caption(t("data.iati_caption"))
iati_file = st.file_uploader(t("data.iati_file"), type=["xml"], key="iati_file")
programmes = pipeline.current_tables()[1].get("programmes")
link_options = [None, *(programmes.programme_id if programmes is not None else [])]
link_to = st.selectbox(t("data.link"), link_options, key="iati_programme",
                       format_func=lambda p, no_link=t("data.no_link"): no_link if p is None else p,
                       help=t("data.link_help"))
if iati_file is not None:
    xml = iati_file.getvalue()
    iati_key = (hashlib.sha256(xml).hexdigest(), link_to, version)
    checked = checked_once("iati_checked", iati_key, iati_file.name,
                           lambda: pipeline.check_iati(xml, iati_file.name, link_to))
    iati_errors, iati_warnings = by_severity(checked.problems)
    if len(iati_errors):
        st.error(t("data.iati_problems", count=len(iati_errors), file=iati_file.name), icon=":material/error:")
        problem_table(iati_errors)
    else:
        if len(iati_warnings):
            st.warning(t("data.iati_warnings", count=len(iati_warnings)), icon=":material/warning:")
            problem_table(iati_warnings)
        if checked.spotlight_activities:
            shown = ", ".join(checked.spotlight_activities[:8]) + (" …" if len(checked.spotlight_activities) > 8 else "")
            st.caption(t("data.spotlight_activities", count=len(checked.spotlight_activities), activities=shown) + " "
                       + (t("data.will_link", programme=link_to) if link_to else t("data.choose_link")))
        if checked.status == "nothing to change":
            st.info(t("data.nothing_to_change"))
        else:
            page.table(checked.changes)
            iati_accepted = st.checkbox(t("data.accept"), key="iati_accept") if len(iati_warnings) else True
            if st.button(t("data.iati_load"), type="primary", disabled=not iati_accepted,
                         key="iati_load", icon=":material/publish:"):
                try:
                    loaded = pipeline.import_iati(xml, iati_file.name, user_name or EDITOR,
                                                  programme_id=link_to, accept_warnings=iati_accepted)
                except store.StoreChanged as exc:
                    st.error(t("data.nothing_written", reason=messages.translate(str(exc), lang)))
                except store.WriteFailed as exc:
                    st.error(messages.translate(str(exc), lang), icon=":material/error:")
                else:
                    st.session_state.pop("iati_checked_key", None)
                    st.success(t("data.iati_loaded", file=iati_file.name, version=loaded.version))

st.subheader(t("data.history"))
st.caption(t("data.history_caption"))
page.table(pipeline.import_history().iloc[::-1])  # read again: an import or undo above is in it at once
