// Builds frontend_build/ from the npm packages: our SCSS (which pulls in NHS.UK frontend with
// the system font stack, so no font is fetched from another host), NHS.UK frontend's JS module
// and its images.
import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import * as sass from "sass";

const nhsuk = "node_modules/nhsuk-frontend/dist/nhsuk";
mkdirSync("frontend_build/css", { recursive: true });
mkdirSync("frontend_build/js", { recursive: true });

const css = sass.compile("static/scss/main.scss", {
  loadPaths: ["node_modules"],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin"],
});
writeFileSync("frontend_build/css/main.css", css.css);
cpSync(`${nhsuk}/nhsuk-frontend.min.js`, "frontend_build/js/nhsuk-frontend.min.js");
cpSync(`${nhsuk}/assets`, "frontend_build/nhsuk/assets", { recursive: true });
console.log(`frontend_build/css/main.css: ${css.css.length} bytes`);
