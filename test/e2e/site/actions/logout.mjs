// A --logout module: the site logs out on GET /logout.
export default async function logout(page) {
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/logout`);
}
