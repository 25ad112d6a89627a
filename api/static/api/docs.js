// The API's documentation page: Swagger UI on the schema, read-only (no "Try it out" for writes: there are none).
(function () {
  "use strict";
  var node = document.getElementById("swagger-ui");
  if (!node || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: node.getAttribute("data-schema-url"),
    domNode: node,
    // Deep links would put an anchor inside each operation's toggle button (nested interactive controls, which axe
    // rightly refuses); without them the path is plain text in the button.
    deepLinking: false,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    supportedSubmitMethods: ["get", "head"],
    validatorUrl: null,
    layout: "BaseLayout",
  });
})();
