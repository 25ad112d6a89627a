// Entry point of the vendored editor bundle (scripts/vendor.sh builds static/vendor/tiptap/tiptap.min.js).
// It only re-exports the npm packages as one browser global, window.Tiptap; the portal's own
// configuration (toolbar, allowed nodes, no inline styles) lives in static/js/outcomes-editor.js.
export { Editor, Extension, mergeAttributes } from "@tiptap/core";
export { default as StarterKit } from "@tiptap/starter-kit";
export { Table, TableRow, TableCell, TableHeader } from "@tiptap/extension-table";
export { Placeholder } from "@tiptap/extensions";
