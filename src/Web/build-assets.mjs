// Refreshes the compiled front-end assets committed under wwwroot/lib from the npm packages
// (run `npm ci && npm run build` after changing package.json or assets/*.scss).
import { cpSync, mkdirSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { compile } from "sass";

const out = "wwwroot/lib";
rmSync(out, { recursive: true, force: true });
mkdirSync(`${out}/govuk`, { recursive: true });
mkdirSync(`${out}/moj`, { recursive: true });

const css = compile("assets/site.scss", {
  loadPaths: [".", "node_modules", "assets"],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(`${out}/thirty3.min.css`, css.css);

cpSync("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", `${out}/govuk/govuk-frontend.min.js`);
cpSync("node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js", `${out}/moj/moj-frontend.min.js`);
// Only MOJ's icons: its crest, crown and logos are the Ministry's identity, not ours.
cpSync("node_modules/@ministryofjustice/frontend/moj/assets/images", `${out}/moj/assets/images`, {
  recursive: true,
  filter: (src) => !/\.(png|svg)$/.test(src) || /icon-[^/]*\.svg$/.test(src),
});

const pkgs = ["govuk-frontend", "@ministryofjustice/frontend"];
const notice = pkgs.map((name) => {
  const pkg = JSON.parse(readFileSync(`node_modules/${name}/package.json`, "utf8"));
  return `${name} ${pkg.version} — licence: ${pkg.license} — ${pkg.homepage ?? pkg.repository?.url ?? ""}`;
}).join("\n");
writeFileSync(`${out}/LICENSES.txt`,
  `Compiled from these npm packages by src/Web/build-assets.mjs (MIT licensed; the GDS Transport font and the GOV.UK crown are not included):\n\n${notice}\n\n` +
  "MIT License: Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated documentation files (the \"Software\"), to deal in the Software without restriction, including without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the following conditions: The above copyright notice and this permission notice shall be included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.\n" +
  "Copyright (c) 2016-2025 Crown Copyright (Government Digital Service); Copyright (c) Crown Copyright (Ministry of Justice).\n");
console.log(`wrote ${out}`);
