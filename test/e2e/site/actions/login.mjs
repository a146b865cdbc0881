// A --login module as a user writes one: fills the login form of the page's own site and waits for the
// account page. Puppeteer and Playwright both have goto, type and click.
export default async function login(page) {
  const origin = new URL(page.url()).origin;
  await page.goto(`${origin}/login`);
  await page.type('#user', 'alice');
  await Promise.all([
    page.waitForNavigation ? page.waitForNavigation() : page.waitForURL('**/account'),
    page.click('#submit'),
  ]);
}
