// The outcome editor: Tiptap (static/vendor/tiptap), autosave, offline keeping and conflict merging.
// Never lose a word: every change is written to localStorage before anything else, sent a few
// seconds after typing stops (and on leaving the section), re-sent when the connection returns,
// and offered back after a reload if it never reached the server.
// No inline script or style: the Content-Security-Policy forbids both.
// A translation section (the translate page) is the same editor with one more field: the original's
// version shown beside it (source_revision), sent with every save and kept with the text in this browser.
(function () {
  "use strict";
  var T = window.Tiptap;
  var gettext = window.gettext || function (s) { return s; };
  var interpolate = window.interpolate || function (fmt, args) { return fmt.replace("%s", args[0]); };
  if (!T) { return; }

  var AUTOSAVE_DELAY = 2500;
  var RETRY_DELAY = 5000;

  // Tables without inline styles (column widths would need style="" attributes, which the CSP refuses).
  var cellAttributes = function () {
    return { colspan: { default: 1 }, rowspan: { default: 1 } };
  };
  var Table = T.Table.extend({
    addOptions: function () {
      var options = this.parent();
      options.resizable = false;
      options.View = null;
      return options;
    },
    renderHTML: function (props) {
      var attrs = Object.assign({}, props.HTMLAttributes);
      delete attrs.style;
      return ["table", attrs, ["tbody", 0]];
    },
  });
  var TableCell = T.TableCell.extend({ addAttributes: cellAttributes });
  var TableHeader = T.TableHeader.extend({ addAttributes: cellAttributes });

  // Pasted HTML (from Word, a web page, anywhere) is cleaned in an inert document before the editor
  // reads it, so that nothing in it runs or asks the CSP for an exception. The server cleans again.
  var DROP = "script, style, link, meta, iframe, frame, object, embed, img, picture, video, audio, svg, math, template, noscript, form, input, button";
  function cleanPastedHtml(html) {
    // A first pass on the text: Chrome reports (and blocks) handlers and styles even while parsing
    // into an inert document, so the obvious ones go before any parsing. The DOM pass catches the rest.
    html = String(html)
      .replace(/<(script|style|iframe|object|embed|svg|math|template|noscript|title)\b[\s\S]*?<\/\1\s*>/gi, "")
      .replace(/<(img|link|meta|iframe|embed|input|base|source)\b[^>]*>/gi, "")
      .replace(/\s(on[a-z]+|style)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "");
    var doc = new window.DOMParser().parseFromString(html, "text/html");
    doc.body.querySelectorAll(DROP).forEach(function (el) { el.remove(); });
    doc.body.querySelectorAll("*").forEach(function (el) {
      Array.prototype.slice.call(el.attributes).forEach(function (attr) {
        var name = attr.name.toLowerCase();
        var value = attr.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
        if (name.indexOf("on") === 0 || name === "style" || name === "class" || name === "id" ||
            ((name === "href" || name === "src") && !/^(https?:|mailto:|#)/.test(value))) {
          el.removeAttribute(attr.name);
        }
      });
    });
    return doc.body.innerHTML;
  }

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    return String(Date.now()) + "-" + Math.random().toString(16).slice(2);
  }

  function clock(date) {
    var d = date || new Date();
    return ("0" + d.getHours()).slice(-2) + ":" + ("0" + d.getMinutes()).slice(-2);
  }

  function readStore(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function writeStore(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* storage full or refused */ }
  }
  function dropStore(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* ignore */ }
  }

  function SectionEditor(form) {
    this.form = form;
    this.section = form.closest(".outcome-section");
    this.key = form.dataset.storageKey;
    this.textarea = form.querySelector("textarea[name=html]");
    this.baseInput = form.querySelector("input[name=base_revision]");
    this.tokenInput = form.querySelector("input[name=client_token]");
    this.conflictInput = form.querySelector("input[name=conflict_revision]");
    this.sourceInput = form.querySelector("input[name=source_revision]");  // translations only
    this.source = this.sourceInput ? this.sourceInput.value : null;
    this.status = this.section.querySelector("[data-save-state]");
    this.surface = form.querySelector("[data-editor-surface]");
    this.toolbar = form.querySelector("[data-editor-toolbar]");
    this.conflictPanel = form.querySelector("[data-conflict-panel]");
    this.restoreBanner = form.querySelector("[data-restore-banner]");
    this.serverHtml = this.textarea.value;  // what the server holds as the current version
    this.base = this.baseInput.value ? parseInt(this.baseInput.value, 10) : null;
    this.token = null;
    this.editorId = uuid();  // names this page's saves, see newToken()
    this.sequence = 0;
    this.dirty = false;
    this.inFlight = false;
    this.again = false;
    this.conflict = null;
    this.timer = null;
    this.retryTimer = null;
    this.build();
  }

  SectionEditor.prototype.build = function () {
    var self = this;
    this.editor = new T.Editor({
      element: this.surface,
      injectCSS: false,
      content: this.textarea.value,
      extensions: [
        T.StarterKit.configure({
          heading: { levels: [3, 4] },
          code: false,
          codeBlock: false,
          strike: false,
          underline: false,
          link: {
            openOnClick: false,
            autolink: true,
            defaultProtocol: "https",
            protocols: ["mailto"],
            HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
          },
        }),
        Table, T.TableRow, TableHeader, TableCell,
        T.Placeholder.configure({ placeholder: gettext("Start writing here…") }),
      ],
      editorProps: {
        transformPastedHTML: cleanPastedHtml,
        attributes: {
          class: "outcome-text editor-content",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": this.form.dataset.label || "",
        },
      },
      onUpdate: function () { self.changed(); },
      onSelectionUpdate: function () { self.refreshToolbar(); },
      onBlur: function () { self.saveSoon(0); },
    });
    this.textarea.classList.add("d-none");
    this.surface.classList.remove("d-none");
    this.toolbar.classList.remove("d-none");
    this.bindToolbar();
    this.refreshToolbar();
    this.offerRestore();
  };

  // "<editor id>.<n>": the server recognises a repeated save (same token) and a save that follows
  // one of this editor's own saves whose answer was lost (same editor id).
  SectionEditor.prototype.newToken = function () {
    this.sequence += 1;
    return this.editorId + "." + this.sequence;
  };

  SectionEditor.prototype.setStatus = function (text, kind) {
    this.status.textContent = text;
    this.status.className = "save-state small save-state-" + (kind || "idle");
  };

  SectionEditor.prototype.html = function () {
    var html = this.editor.getHTML();
    return html === "<p></p>" ? "" : html;
  };

  // Every keystroke: keep the text in this browser first, then schedule the save.
  SectionEditor.prototype.changed = function () {
    var html = this.html();
    this.textarea.value = html;
    this.refreshToolbar();
    if (html === this.serverHtml && !this.conflict) {
      this.dirty = false;
      this.token = null;
      dropStore(this.key);
      return;
    }
    this.dirty = true;
    this.token = this.newToken();  // a new text gets a new token; a retry of the same text keeps it
    writeStore(this.key, { html: html, base: this.base, source: this.source, token: this.token, at: Date.now() });
    if (this.conflict) {
      this.setStatus(gettext("Conflict: merge, then save"), "conflict");
      return;
    }
    if (!this.offline) { this.setStatus(gettext("Editing…"), "pending"); }
    this.saveSoon(AUTOSAVE_DELAY);
  };

  SectionEditor.prototype.saveSoon = function (delay) {
    var self = this;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () { self.save(); }, delay);
  };

  SectionEditor.prototype.retrySoon = function () {
    var self = this;
    window.clearTimeout(this.retryTimer);
    this.retryTimer = window.setTimeout(function () { self.save(); }, RETRY_DELAY);
  };

  // The CSRF token is read from the cookie at each save, so that signing in again in another tab
  // (which rotates the token) does not leave this page unable to save.
  SectionEditor.prototype.csrfToken = function () {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : this.form.querySelector("input[name=csrfmiddlewaretoken]").value;
  };

  SectionEditor.prototype.post = function (fields) {
    var data = new FormData();
    Object.keys(fields).forEach(function (name) {
      data.append(name, fields[name] === null || fields[name] === undefined ? "" : fields[name]);
    });
    return window.fetch(this.form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { Accept: "application/json", "X-Requested-With": "XMLHttpRequest", "X-CSRFToken": this.csrfToken() },
    });
  };

  SectionEditor.prototype.save = function (options) {
    var self = this;
    var merge = options && options.merge;
    if (!this.dirty && !merge) { return; }
    if (this.conflict && !merge) { return; }  // the writer decides first
    if (this.inFlight) { this.again = true; return; }
    window.clearTimeout(this.timer);
    window.clearTimeout(this.retryTimer);
    var html = this.html();
    var token = this.token || this.newToken();
    this.token = token;
    var fields = { html: html, base_revision: this.base, client_token: token };
    if (this.sourceInput) { fields.source_revision = this.source; }
    if (merge) {
      fields.base_revision = this.conflict.head;
      fields.conflict_revision = this.conflict.mine;
      fields.client_token = "";
    }
    if (window.navigator.onLine === false) {
      // No connection: the text waits in this browser; the "online" event (or the retry) sends it.
      this.offline = true;
      this.setStatus(gettext("Offline: not saved yet"), "offline");
      this.retrySoon();
      return;
    }
    this.inFlight = true;
    if (!this.offline) { this.setStatus(gettext("Saving…"), "saving"); }
    this.post(fields).then(function (response) {
      if (response.status === 409) {
        // The outcome left drafting (submitted meanwhile): the text stays in this browser.
        return response.json().catch(function () { return {}; }).then(function (body) {
          self.setStatus(body.message || gettext("This text can no longer be changed here. Reload the page."), "error");
          self.dirty = false;
          return null;
        });
      }
      if (response.status >= 500) { throw new Error("HTTP " + response.status); }
      var signedOut = response.redirected || response.status === 403 || response.status === 404;
      if (signedOut || !(response.headers.get("Content-Type") || "").startsWith("application/json")) {
        // Signed out (session expired) or refused: keep the text here and try again later.
        self.inFlight = false;
        self.setStatus(gettext("Not saved: sign in again (in another tab). Your text is kept in this browser."), "offline");
        window.clearTimeout(self.retryTimer);
        self.retryTimer = window.setTimeout(function () { self.save(); }, RETRY_DELAY * 3);
        return null;
      }
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).then(function (body) {
      self.inFlight = false;
      if (!body) { return; }
      self.offline = false;
      if (body.status === "conflict") {
        self.showConflict(body);
      } else if (body.status === "saved") {
        self.saved(body, html);
      }
      if (self.again) { self.again = false; self.save(); }
    }).catch(function () {
      self.inFlight = false;
      self.offline = true;
      var onlineNow = window.navigator.onLine;
      self.setStatus(onlineNow ? gettext("Not saved yet: no answer from the server, trying again")
                               : gettext("Offline: not saved yet"), "offline");
      self.retrySoon();
    });
  };

  SectionEditor.prototype.saved = function (body, sentHtml) {
    this.base = body.head;
    this.baseInput.value = body.head || "";
    this.serverHtml = sentHtml;
    this.conflictInput.value = "";
    if (this.html() === sentHtml) {
      this.dirty = false;
      this.token = null;
      dropStore(this.key);
      this.setStatus(body.saved_at ? interpolate(gettext("Saved %s"), [body.saved_at]) : gettext("Saved"), "saved");
    } else {
      // More was typed while this save travelled: keep the new text, on the new base.
      writeStore(this.key, { html: this.html(), base: this.base, source: this.source, token: this.token, at: Date.now() });
      this.saveSoon(AUTOSAVE_DELAY);
    }
    if (body.translation) { this.showTranslationStatus(body.translation); }
  };

  // A translation's badge follows its saves: saved from the original shown, it is up to date.
  SectionEditor.prototype.showTranslationStatus = function (translation) {
    var badge = this.section.querySelector("[data-translation-status]");
    if (badge) {
      badge.textContent = translation.label;
      badge.className = "badge translation-status translation-status-" + translation.status;
    }
    if (translation.status === "up_to_date") {
      this.section.querySelectorAll("[data-mark-up-to-date], [data-mark-up-to-date-help]").forEach(function (el) {
        el.classList.add("d-none");
      });
    }
  };

  // "Mark as up to date": the translator has brought the text up to date with the changes (or they
  // need none): the text is saved as a translation of the original shown. Until then, saves keep the
  // older source, so a half-updated translation still says "needs update".
  SectionEditor.prototype.markUpToDate = function () {
    if (!this.sourceInput || this.conflict) { return; }
    this.source = this.form.dataset.originalHead;
    this.sourceInput.value = this.source;
    this.dirty = true;
    this.token = this.newToken();
    writeStore(this.key, { html: this.html(), base: this.base, source: this.source, token: this.token, at: Date.now() });
    this.save();
  };

  // The poll says the original changed since this page showed it: say so, with a link to reload.
  SectionEditor.prototype.originalChanged = function (head) {
    if (!this.sourceInput || head === undefined) { return; }
    if (String(head || "") === (this.form.dataset.originalHead || "")) { return; }
    var notice = this.section.querySelector("[data-original-changed]");
    if (notice) { notice.classList.remove("d-none"); }
  };

  SectionEditor.prototype.showConflict = function (body) {
    var self = this;
    this.conflict = { head: body.head, headHtml: body.head_html, mine: body.revision };
    this.conflictInput.value = body.revision;
    this.conflictPanel.innerHTML = body.conflict_html;  // rendered and escaped by the server
    this.conflictPanel.classList.remove("d-none");
    this.setStatus(gettext("Conflict: both texts are kept, please merge"), "conflict");
    // The server holds this text now (as a version of its own): nothing to keep in the browser.
    dropStore(this.key);
    this.conflictPanel.querySelectorAll("[data-conflict-action]").forEach(function (button) {
      button.addEventListener("click", function () { self.resolve(button.dataset.conflictAction); });
    });
    this.conflictPanel.scrollIntoView({ block: "nearest" });
  };

  SectionEditor.prototype.resolve = function (action) {
    var conflict = this.conflict;
    if (!conflict) { return; }
    if (action === "combine") {
      this.editor.commands.setContent(this.html() + conflict.headHtml, { emitUpdate: true });
      this.editor.commands.focus("end");
      return;  // the writer merges, then saves with the first button
    }
    if (action === "take-theirs") {
      this.editor.commands.setContent(conflict.headHtml, { emitUpdate: false });
      this.base = conflict.head;
      this.baseInput.value = conflict.head;
      this.serverHtml = conflict.headHtml;
      this.textarea.value = conflict.headHtml;
      this.closeConflict();
      this.dirty = false;
      dropStore(this.key);
      this.setStatus(gettext("Their version is in the editor; yours stays in the history"), "saved");
      return;
    }
    // keep-mine: the editor's text (merged or not) becomes the current version.
    this.save({ merge: true });
    this.closeConflict();
  };

  SectionEditor.prototype.closeConflict = function () {
    this.conflict = null;
    this.conflictPanel.classList.add("d-none");
    this.conflictPanel.textContent = "";
  };

  SectionEditor.prototype.takeNewer = function (current) {
    if (!current || !current.head || current.head === this.base) { return; }
    if (this.dirty || this.inFlight || this.conflict) { return; }  // compared when this page saves
    if (!this.restoreBanner.classList.contains("d-none")) { return; }  // the writer decides first
    this.editor.commands.setContent(current.html, { emitUpdate: false });
    this.base = current.head;
    this.baseInput.value = current.head;
    this.serverHtml = current.html;
    this.textarea.value = current.html;
    this.setStatus(interpolate(gettext("Newer version loaded (%s, %s)"), [current.author, current.saved_at]), "saved");
  };

  // After a reload: text this browser kept that never reached the server is offered back.
  SectionEditor.prototype.offerRestore = function () {
    var self = this;
    var kept = readStore(this.key);
    if (!kept || typeof kept.html !== "string") { return; }
    if (kept.html === this.serverHtml) { dropStore(this.key); return; }
    var when = new Date(kept.at || Date.now());
    this.restoreBanner.querySelector("[data-restore-text]").textContent = interpolate(
      gettext("This browser kept text for this section from %s that has not reached the server."), [clock(when)]);
    this.restoreBanner.classList.remove("d-none");
    this.setStatus(gettext("Unsaved text found in this browser"), "pending");
    this.restoreBanner.querySelector("[data-restore-accept]").addEventListener("click", function () {
      self.restoreBanner.classList.add("d-none");
      self.editor.commands.setContent(kept.html, { emitUpdate: false });
      self.textarea.value = kept.html;
      // Sent on the version it was written on: if that is no longer current, the conflict view shows.
      self.base = kept.base;
      // A kept translation translates the original that was shown when it was written.
      if (self.sourceInput && kept.source !== undefined) { self.source = kept.source; }
      self.token = kept.token || self.newToken();
      self.dirty = true;
      writeStore(self.key, { html: kept.html, base: kept.base, source: self.source, token: self.token, at: kept.at });
      self.save();
    });
    this.restoreBanner.querySelector("[data-restore-discard]").addEventListener("click", function () {
      self.restoreBanner.classList.add("d-none");
      dropStore(self.key);
      self.setStatus("", "idle");
    });
  };

  SectionEditor.prototype.bindToolbar = function () {
    var self = this;
    var run = function (command) {
      var chain = self.editor.chain().focus();
      switch (command) {
        case "bold": chain.toggleBold().run(); break;
        case "italic": chain.toggleItalic().run(); break;
        case "bulletList": chain.toggleBulletList().run(); break;
        case "orderedList": chain.toggleOrderedList().run(); break;
        case "blockquote": chain.toggleBlockquote().run(); break;
        case "undo": chain.undo().run(); break;
        case "redo": chain.redo().run(); break;
        case "table": chain.insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(); break;
        case "addRow": chain.addRowAfter().run(); break;
        case "addColumn": chain.addColumnAfter().run(); break;
        case "deleteRow": chain.deleteRow().run(); break;
        case "deleteColumn": chain.deleteColumn().run(); break;
        case "deleteTable": chain.deleteTable().run(); break;
        case "link": self.editLink(); break;
        default: break;
      }
    };
    this.toolbar.querySelectorAll("button[data-command]").forEach(function (button) {
      button.addEventListener("mousedown", function (event) { event.preventDefault(); });  // keep the selection
      button.addEventListener("click", function () { run(button.dataset.command); });
    });
    var select = this.toolbar.querySelector("select[data-command=block]");
    select.addEventListener("change", function () {
      var chain = self.editor.chain().focus();
      if (select.value === "h3") { chain.setHeading({ level: 3 }).run(); }
      else if (select.value === "h4") { chain.setHeading({ level: 4 }).run(); }
      else { chain.setParagraph().run(); }
    });
    // Arrow keys move between the toolbar's controls (one tab stop for the whole toolbar).
    var controls = Array.prototype.slice.call(this.toolbar.querySelectorAll("button, select"));
    controls.forEach(function (control, index) {
      control.tabIndex = index === 0 ? 0 : -1;
      control.addEventListener("keydown", function (event) {
        if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") { return; }
        if (control.tagName === "SELECT") { return; }
        var visible = controls.filter(function (c) { return c.offsetParent !== null; });
        var at = visible.indexOf(control);
        var next = visible[(at + (event.key === "ArrowRight" ? 1 : visible.length - 1)) % visible.length];
        control.tabIndex = -1;
        next.tabIndex = 0;
        next.focus();
        event.preventDefault();
      });
    });
  };

  SectionEditor.prototype.editLink = function () {
    var editor = this.editor;
    if (editor.isActive("link")) {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      return;
    }
    var url = window.prompt(gettext("Address of the link (https://…)"), "https://");
    if (!url || url === "https://") { return; }
    if (!/^(https?:\/\/|mailto:)/i.test(url)) { url = "https://" + url; }
    if (editor.state.selection.empty) {
      editor.chain().focus().insertContent({ type: "text", text: url, marks: [{ type: "link", attrs: { href: url } }] }).run();
    } else {
      editor.chain().focus().extendMarkRange("link").setLink({ href: url }).run();
    }
  };

  SectionEditor.prototype.refreshToolbar = function () {
    var editor = this.editor;
    if (!editor) { return; }
    var active = {
      bold: editor.isActive("bold"),
      italic: editor.isActive("italic"),
      link: editor.isActive("link"),
      bulletList: editor.isActive("bulletList"),
      orderedList: editor.isActive("orderedList"),
      blockquote: editor.isActive("blockquote"),
    };
    this.toolbar.querySelectorAll("button[data-command]").forEach(function (button) {
      if (Object.prototype.hasOwnProperty.call(active, button.dataset.command)) {
        button.setAttribute("aria-pressed", active[button.dataset.command] ? "true" : "false");
        button.classList.toggle("active", active[button.dataset.command]);
      }
    });
    this.toolbar.classList.toggle("in-table", editor.isActive("table"));
    var select = this.toolbar.querySelector("select[data-command=block]");
    select.value = editor.isActive("heading", { level: 3 }) ? "h3" : editor.isActive("heading", { level: 4 }) ? "h4" : "paragraph";
  };

  var editors = Array.prototype.map.call(document.querySelectorAll("[data-outcome-editor]"), function (form) {
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var sectionEditor = new SectionEditor(form);
    var mark = form.querySelector("[data-mark-up-to-date]");
    if (mark) {
      mark.addEventListener("click", function (event) { event.preventDefault(); sectionEditor.markUpToDate(); });
    }
    return sectionEditor;
  });
  document.querySelectorAll("[data-original-changed] [data-reload]").forEach(function (link) {
    // What is typed and not yet saved stays in this browser and is offered back after the reload.
    link.addEventListener("click", function (event) { event.preventDefault(); window.location.reload(); });
  });

  // The connection is back: send whatever waits, at once.
  window.addEventListener("online", function () {
    editors.forEach(function (e) { if (e.dirty && !e.conflict) { e.save(); } });
  });
  window.addEventListener("offline", function () {
    editors.forEach(function (e) { if (e.dirty) { e.offline = true; e.setStatus(gettext("Offline: not saved yet"), "offline"); } });
  });
  // Leaving the page (or hiding the tab) sends what is pending; what cannot be sent stays in this browser.
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") { editors.forEach(function (e) { if (e.dirty) { e.save(); } }); }
  });
  // Keep an open page in step with saves made elsewhere (another browser, a co-writer): a section
  // without unsaved changes takes the newer version; one with changes is compared when it saves.
  var root = document.querySelector("[data-outcome-heads]");
  var closed = false;
  function poll() {
    if (closed || document.visibilityState === "hidden" || window.navigator.onLine === false) { return; }
    window.fetch(root.dataset.outcomeHeads, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (body) {
        if (!body) { return; }
        if (!body.editable) {
          closed = true;
          editors.forEach(function (e) {
            e.editor.setEditable(false);
            e.setStatus(e.sourceInput ? gettext("Editing is closed. Reload the page.")
                                      : gettext("The outcome was submitted: editing is closed. Reload the page."), "error");
          });
          return;
        }
        editors.forEach(function (e) {
          e.takeNewer(body.sections[e.form.dataset.section]);
          if (body.originals) { e.originalChanged(body.originals[e.form.dataset.section]); }
        });
      })
      .catch(function () { /* offline: the next poll tries again */ });
  }
  if (root) {
    window.setInterval(poll, (parseInt(root.dataset.pollSeconds, 10) || 10) * 1000);
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "visible") { poll(); } });
  }

  window.gfmdOutcomeEditors = editors;  // for the browser tests and the console
})();
