// @labdigital/commercetools-mock 4.4 on a port, authentication on, one channel created;
// prints one JSON line {port, token, path} for HttpLoadHarness.
import { CommercetoolsMock } from "@labdigital/commercetools-mock";

const port = Number(process.argv[2] ?? 8989);
const mock = new CommercetoolsMock({
  enableAuthentication: true,
  validateCredentials: false,
  defaultProjectKey: "bench-project",
  silent: true,
});
await mock.runServer(port);
const base = `http://127.0.0.1:${port}`;
const auth = await fetch(`${base}/oauth/token`, {
  method: "POST",
  headers: {
    "Authorization": "Basic " + Buffer.from("bench:bench-secret").toString("base64"),
    "Content-Type": "application/x-www-form-urlencoded",
  },
  body: "grant_type=client_credentials&scope=manage_project:bench-project",
});
const token = (await auth.json()).access_token;
const created = await fetch(`${base}/bench-project/channels`, {
  method: "POST",
  headers: { "Authorization": `Bearer ${token}`, "Content-Type": "application/json" },
  body: JSON.stringify({ key: "bench-channel", roles: ["InventorySupply"], name: { en: "Bench channel" } }),
});
const channel = await created.json();
const check = await fetch(`${base}/bench-project/channels/${channel.id}`, { headers: { "Authorization": `Bearer ${token}` } });
if (check.status !== 200) {
  console.error("the mock does not answer the channel: " + check.status);
  process.exit(1);
}
console.log(JSON.stringify({ port, token, path: `/bench-project/channels/${channel.id}` }));
