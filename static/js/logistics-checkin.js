// The door page (logistics' check-in): a badge read by the camera (the browser's BarcodeDetector where it
// has one, jsQR from static/vendor otherwise), pasted, or picked by name, sent to the server, which answers
// at once. Every scan first goes into a queue kept in localStorage with its own UUID and the time it was
// scanned, so a scan made while the network is down is shown as "queued" and sent when it returns; the
// server records a UUID once, so sending one again (a retry after a lost answer) does no harm.
(function () {
  "use strict";
  var door = document.getElementById("checkin-door");
  if (!door) { return; }
  var text = door.dataset;
  var scanUrl = text.scanUrl;
  var storeKey = "gfmd.checkin.queue." + text.meeting;
  var answer = document.getElementById("checkin-answer");
  var recent = document.getElementById("checkin-recent");
  var network = document.getElementById("checkin-network");
  var queueNote = document.getElementById("checkin-queue");
  var sessionSelect = document.getElementById("checkin-session");
  var sending = false;
  var retryTimer = null;
  var COLOURS = ["success", "warning", "danger", "secondary", "info"];

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return (b + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function loadQueue() {
    try { return JSON.parse(window.localStorage.getItem(storeKey) || "[]"); } catch (e) { return []; }
  }
  function saveQueue(queue) {
    try { window.localStorage.setItem(storeKey, JSON.stringify(queue)); } catch (e) { /* private mode: memory only */ }
  }
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) { return decodeURIComponent(match[1]); }
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function setNetwork(online) {
    network.textContent = online ? text.textOnline : text.textOfflineShort;
    network.title = online ? "" : text.textOffline;
    network.className = "badge " + (online ? "text-bg-success" : "text-bg-warning");
  }
  function showQueueCount() {
    var count = loadQueue().length;
    queueNote.textContent = count ? count + " · " + text.textQueued : "";
    if (count && navigator.onLine === false) { queueNote.textContent += " — " + text.textOffline; }
  }

  function colour(element, name) {
    COLOURS.forEach(function (c) {
      element.classList.remove("border-" + c, "bg-" + c + "-subtle");
    });
    element.classList.add("border-" + name, "bg-" + name + "-subtle");
  }

  function showAnswer(result, label) {
    colour(answer, result.colour || "secondary");
    answer.dataset.outcome = result.outcome || "";
    document.getElementById("checkin-answer-title").textContent = result.title || "";
    document.getElementById("checkin-answer-name").textContent = result.name || label || "";
    var details = [result.delegation, result.role, result.session].filter(Boolean).join(" · ");
    document.getElementById("checkin-answer-details").textContent = details;
    document.getElementById("checkin-answer-note").textContent = result.detail || result.message || "";
  }

  function line(item) {
    var li = recent.querySelector('[data-scan="' + item.scan_id + '"]');
    if (!li) {
      var empty = recent.querySelector(".checkin-empty");
      if (empty) { empty.remove(); }
      li = document.createElement("li");
      li.className = "list-group-item d-flex justify-content-between gap-2 checkin-line";
      li.dataset.scan = item.scan_id;
      var who = document.createElement("span");
      who.className = "checkin-who";
      var state = document.createElement("span");
      state.className = "badge checkin-state";
      li.appendChild(who);
      li.appendChild(state);
      recent.insertBefore(li, recent.firstChild);
      while (recent.children.length > 30) { recent.removeChild(recent.lastChild); }
    }
    return li;
  }
  function showLine(item, stateText, colourName, who) {
    var li = line(item);
    var time = new Date(item.scanned_at);
    li.querySelector(".checkin-who").textContent =
      time.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) + " · " + (who || item.label || text.textBadge);
    var state = li.querySelector(".checkin-state");
    state.textContent = stateText;
    state.className = "badge checkin-state text-bg-" + colourName;
    li.dataset.state = colourName;
  }

  function scheduleRetry() {
    window.clearTimeout(retryTimer);
    retryTimer = window.setTimeout(flush, 5000);
  }

  function flush() {
    if (sending) { return; }
    var queue = loadQueue();
    if (!queue.length) { showQueueCount(); return; }
    if (navigator.onLine === false) { setNetwork(false); showQueueCount(); scheduleRetry(); return; }
    sending = true;
    var item = queue[0];
    var body = { scan_id: item.scan_id, scanned_at: item.scanned_at };
    if (item.value) { body.value = item.value; }
    if (item.registration) { body.registration = item.registration; }
    if (item.session) { body.session = item.session; }
    fetch(scanUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify(body)
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      if (response.status >= 500 || type.indexOf("application/json") === -1) { throw new Error("retry"); }
      return response.json().then(function (result) { return { status: response.status, result: result }; });
    }).then(function (reply) {
      setNetwork(true);
      var rest = loadQueue().filter(function (queued) { return queued.scan_id !== item.scan_id; });
      saveQueue(rest);
      var result = reply.result;
      if (reply.status === 200) {
        showAnswer(result, item.label);
        showLine(item, result.title, result.colour, result.name);
      } else {
        result.colour = "danger";
        result.title = text.textError;
        showAnswer(result, item.label);
        showLine(item, text.textError, "danger");
      }
      sending = false;
      flush();
    }).catch(function () {
      sending = false;
      setNetwork(navigator.onLine !== false);
      if (navigator.onLine === false) { setNetwork(false); }
      showQueueCount();
      scheduleRetry();
    });
  }

  function submit(scan) {
    scan.scan_id = uuid();
    scan.scanned_at = new Date().toISOString();
    scan.session = sessionSelect && sessionSelect.value ? sessionSelect.value : "";
    var queue = loadQueue();
    queue.push(scan);
    saveQueue(queue);
    showLine(scan, navigator.onLine === false ? text.textQueuedShort : text.textSending, navigator.onLine === false ? "secondary" : "info");
    if (navigator.onLine === false) {
      showAnswer({ colour: "secondary", title: text.textQueued, detail: text.textOffline }, scan.label);
      setNetwork(false);
    }
    showQueueCount();
    flush();
  }

  // Pasted code.
  var codeForm = document.getElementById("checkin-code-form");
  var codeInput = document.getElementById("checkin-code");
  codeForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var value = codeInput.value.trim();
    if (!value) { codeInput.focus(); return; }
    submit({ value: value });
    codeInput.value = "";
    codeInput.focus();
  });

  // Picked by name (the suggestions come by htmx).
  document.getElementById("checkin-names").addEventListener("click", function (event) {
    var button = event.target.closest(".checkin-pick");
    if (!button) { return; }
    submit({ registration: button.dataset.registration, label: button.dataset.label });
    var name = document.getElementById("checkin-name");
    name.value = "";
    document.getElementById("checkin-names").textContent = "";
    name.focus();
  });

  // The camera.
  var video = document.getElementById("checkin-video");
  var canvas = document.getElementById("checkin-canvas");
  var startButton = document.getElementById("checkin-camera");
  var stopButton = document.getElementById("checkin-camera-stop");
  var cameraNote = document.getElementById("checkin-camera-note");
  var stream = null;
  var detector = null;
  var lastValue = "";
  var lastAt = 0;

  function decoded(value) {
    var now = Date.now();
    if (!value || (value === lastValue && now - lastAt < 4000)) { return; }
    lastValue = value;
    lastAt = now;
    submit({ value: value });
  }

  function tick() {
    if (!stream) { return; }
    if (video.readyState >= 2 && video.videoWidth) {
      if (detector) {
        detector.detect(video).then(function (codes) {
          if (codes.length) { decoded(codes[0].rawValue); }
        }).catch(function () { detector = null; });
      } else if (window.jsQR) {
        var width = Math.min(video.videoWidth, 640);
        var height = Math.round(video.videoHeight * width / video.videoWidth);
        canvas.width = width;
        canvas.height = height;
        var context = canvas.getContext("2d", { willReadFrequently: true });
        context.drawImage(video, 0, 0, width, height);
        var code = window.jsQR(context.getImageData(0, 0, width, height).data, width, height, { inversionAttempts: "dontInvert" });
        if (code && code.data) { decoded(code.data); }
      }
    }
    window.setTimeout(tick, 200);
  }

  function stopCamera() {
    if (stream) { stream.getTracks().forEach(function (track) { track.stop(); }); }
    stream = null;
    video.hidden = true;
    stopButton.hidden = true;
    startButton.hidden = false;
  }

  startButton.addEventListener("click", function () {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      cameraNote.textContent = text.textNoCamera;
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false }).then(function (media) {
      stream = media;
      video.srcObject = media;
      video.hidden = false;
      startButton.hidden = true;
      stopButton.hidden = false;
      cameraNote.textContent = text.textCameraOn;
      if ("BarcodeDetector" in window) {
        try { detector = new window.BarcodeDetector({ formats: ["qr_code"] }); } catch (e) { detector = null; }
      }
      return video.play().then(tick);
    }).catch(function () {
      stopCamera();
      cameraNote.textContent = text.textNoCamera;
    });
  });
  stopButton.addEventListener("click", stopCamera);

  window.addEventListener("online", function () { setNetwork(true); flush(); });
  window.addEventListener("offline", function () { setNetwork(false); });
  setNetwork(navigator.onLine !== false);
  loadQueue().forEach(function (item) { showLine(item, text.textQueuedShort, "secondary"); });
  showQueueCount();
  flush();
})();
