"""Data, for editors: template and export, load a workbook (check, see the changes, confirm), undo, history."""

import hashlib

import streamlit as st

from spotlight_dash import schema, store, workbook_template
from spotlight_dash.ingest import pipeline
from spotlight_dash.ui import auth, page

page.frame("Data", "Load the figures of a reporting period from the Excel workbook. Nothing is written until "
           "the whole file is valid and you confirm; every load is one snapshot that can be undone.")
if not auth.is_editor():
    st.error("This page is for editors. Sign in with the editor secret in the sidebar.", icon=":material/lock:")
    st.stop()

version, current, _, _ = pipeline.current_tables()
as_of = f"snapshot v{version:04d}" if version else "empty store"

st.subheader("1 · Get the workbook")
template, export = st.columns(2)
template.download_button("Empty template (.xlsx)", data=lambda: workbook_template.template_bytes(current),
                         file_name="spotlight-ca_data-template.xlsx", on_click="ignore", width="stretch",
                         icon=":material/description:")
export.download_button(f"Everything in the store ({as_of}, .xlsx)", disabled=not current,
                       data=lambda: workbook_template.export_bytes(current, as_of=as_of),
                       file_name=f"spotlight-ca_data_{as_of.replace(' ', '-')}.xlsx", on_click="ignore",
                       width="stretch", icon=":material/download:")
st.caption("Fill in or correct the rows and load the file below. Rows are matched by their key columns: a row "
           "whose key is already in the store is updated, a new key is added; nothing is removed unless you "
           "choose a table below.")

st.subheader("2 · Load a filled workbook")
user_name = st.text_input("Your name (for the import history)", key="import_user", max_chars=80)
uploaded = st.file_uploader("Workbook (.xlsx)", type=["xlsx"], key="workbook")
removing = st.multiselect("Remove the rows of these tables that the workbook does not hold (optional)",
                          list(schema.TABLES), key="remove_missing",
                          help="Only for a sheet that holds every row you want to keep.")

if uploaded is not None:
    data = uploaded.getvalue()
    check_key = (hashlib.sha256(data).hexdigest(), tuple(removing), version)
    if st.session_state.get("checked_key") != check_key:
        with st.status(f"Checking {uploaded.name}…", expanded=False) as status:
            result = pipeline.check_workbook(data, uploaded.name, removing)
            status.update(label=f"Checked {uploaded.name}: {result.status}", state="complete")
        st.session_state.checked_key, st.session_state.checked = check_key, result
    result = st.session_state.checked
    problems = result.problems
    errors = problems[problems.severity == "error"] if not problems.empty else problems
    warnings = problems[problems.severity == "warning"] if not problems.empty else problems
    if len(errors):
        st.error(f"{len(errors)} problem(s) in {uploaded.name}. Nothing was written. Fix them and load the file "
                 "again; the workbook below marks each problem cell with the message.", icon=":material/error:")
        st.dataframe(errors.drop(columns="severity"), hide_index=True, width="stretch")
        marked = workbook_template.highlight_problems(data, result.report.problems)
        if marked:
            st.download_button("The workbook with the problem cells marked", data=marked, on_click="ignore",
                               file_name=uploaded.name.removesuffix(".xlsx") + "_problems.xlsx",
                               icon=":material/format_color_fill:")
    else:
        if len(warnings):
            st.warning(f"{len(warnings)} warning(s): the file can be loaded, but look at these first.",
                       icon=":material/warning:")
            st.dataframe(warnings.drop(columns="severity"), hide_index=True, width="stretch")
        if result.status == "nothing to change":
            st.info("Everything in this file is already in the store: loading it would change nothing.")
        else:
            st.markdown(f"**What loading {uploaded.name} changes** (against {as_of})")
            st.dataframe(result.changes, hide_index=True, width="stretch")
            for name, change in result.comparison.tables.items():
                if change.is_empty:
                    continue
                with st.expander(f"{name}: {len(change.added)} added, {len(change.changed)} changed, "
                                 f"{len(change.removed)} removed"):
                    for label, rows in (("added", change.added), ("changed", change.changed),
                                        ("removed", change.removed)):
                        if len(rows):
                            st.caption(label)
                            st.dataframe(rows.drop(columns=[c for c in rows.columns if c.startswith("_")]),
                                         hide_index=True, width="stretch")
            accepted = st.checkbox("I have read the warnings and want to load the file", key="accept_warnings") \
                if len(warnings) else True
            if st.button("Load these changes as a new snapshot", type="primary", disabled=not accepted,
                         icon=":material/publish:"):
                with st.status("Loading…", expanded=True) as status:
                    try:
                        done = pipeline.import_workbook(data, uploaded.name, user_name or "editor (app)",
                                                        accept_warnings=accepted, remove_missing=removing)
                    except store.StoreChanged as exc:
                        status.update(label="Not loaded", state="error")
                        st.error(f"{exc}. Nothing was written.")
                    else:
                        status.update(label=f"Loaded as snapshot v{done.version:04d}", state="complete")
                        st.session_state.pop("checked_key", None)
                        st.success(f"Loaded {uploaded.name} as snapshot v{done.version:04d}: "
                                   f"{done.comparison.text()}. Every page now shows it.")

st.subheader("3 · Undo the last import")
history = pipeline.import_history()
last = history.iloc[-1] if len(history) else None
if last is None or last.run_kind != "import":
    st.caption("The current snapshot was not made by an import, so there is nothing to undo here.")
else:
    st.caption(f"The last import: {last.file} by {last.user_name}, {last.finished_at:%d %b %Y %H:%M} UTC "
               f"(snapshot v{int(last.version):04d}).")
    if st.button("Undo it", icon=":material/undo:", key="undo"):
        try:
            back = pipeline.undo_last_import(user_name or "editor (app)")
        except store.StoreError as exc:
            st.error(str(exc))
        else:
            st.success(f"Undone: snapshot v{back:04d} is current, with the data from before the import.")

st.subheader("4 · Load an agency's IATI activity file")
st.caption("UN Women, UNDP and UNFPA publish their projects in IATI 2.03 XML. Loading a file stores each "
           "activity's budgets, transactions and results as published; a newer file replaces what an earlier "
           "one said about the same activities. Departures from the IATI schema are shown as warnings.")
iati_file = st.file_uploader("IATI activity file (.xml)", type=["xml"], key="iati_file")
programmes = pipeline.current_tables()[1].get("programmes")
link_options = [None, *(programmes.programme_id if programmes is not None else [])]
link_to = st.selectbox("Link the Spotlight-funded activities to a programme", link_options, key="iati_programme",
                       format_func=lambda p: "do not link" if p is None else p,
                       help="Only activities funded by the MPTFO-Spotlight Initiative Fund are linked, and only "
                            "when you choose a programme here.")
if iati_file is not None:
    xml = iati_file.getvalue()
    iati_key = (hashlib.sha256(xml).hexdigest(), link_to, version)
    if st.session_state.get("iati_checked_key") != iati_key:
        with st.status(f"Checking {iati_file.name}…") as status:
            checked = pipeline.check_iati(xml, iati_file.name, link_to)
            status.update(label=f"Checked {iati_file.name}: {checked.status}", state="complete")
        st.session_state.iati_checked_key, st.session_state.iati_checked = iati_key, checked
    checked = st.session_state.iati_checked
    found = checked.problems
    iati_errors = found[found.severity == "error"] if not found.empty else found
    iati_warnings = found[found.severity == "warning"] if not found.empty else found
    if len(iati_errors):
        st.error(f"{len(iati_errors)} problem(s) in {iati_file.name}. Nothing was written.", icon=":material/error:")
        st.dataframe(iati_errors.drop(columns="severity"), hide_index=True, width="stretch")
    else:
        if len(iati_warnings):
            st.warning(f"{len(iati_warnings)} warning(s), e.g. departures from the IATI schema, each with its "
                       "element and line.", icon=":material/warning:")
            st.dataframe(iati_warnings.drop(columns="severity"), hide_index=True, width="stretch")
        if checked.spotlight_activities:
            st.caption(f"{len(checked.spotlight_activities)} activities are funded by the MPTFO-Spotlight Initiative "
                       f"Fund: {', '.join(checked.spotlight_activities[:8])}"
                       + (" …" if len(checked.spotlight_activities) > 8 else "")
                       + (f". They will be linked to {link_to}." if link_to else ". Choose a programme above to link them."))
        if checked.status == "nothing to change":
            st.info("Everything in this file is already in the store: loading it would change nothing.")
        else:
            st.dataframe(checked.changes, hide_index=True, width="stretch")
            iati_accepted = st.checkbox("I have read the warnings and want to load the file",
                                        key="iati_accept") if len(iati_warnings) else True
            if st.button("Load this IATI file as a new snapshot", type="primary", disabled=not iati_accepted,
                         key="iati_load", icon=":material/publish:"):
                try:
                    loaded = pipeline.import_iati(xml, iati_file.name, user_name or "editor (app)",
                                                  programme_id=link_to, accept_warnings=iati_accepted)
                except store.StoreChanged as exc:
                    st.error(f"{exc}. Nothing was written.")
                else:
                    st.session_state.pop("iati_checked_key", None)
                    st.success(f"Loaded {iati_file.name} as snapshot v{loaded.version:04d}. The Agencies page shows it.")

st.subheader("Import history")
st.caption("Every build, import and undo, newest first: who, when, which file and its SHA-256, rows per table.")
st.dataframe(history.iloc[::-1], hide_index=True, width="stretch")
