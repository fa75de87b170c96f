// Swagger UI works against the running service: open it, expand "List and search case studies", try it out with the
// example values the document gives its parameters (a search for sport with women in Bradford, whose findings in
// leisure report no result), and see a 200 whose body has Bradford in it.
//   API_URL   the service's address, e.g. http://localhost:8080
import { check, required, run, withBrowser } from './browser.mjs';

const api = required('API_URL').replace(/\/+$/, '');

run(async () => {
  await withBrowser(async (page) => {
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${api}/q/swagger-ui`);

    const operation = page.locator('.opblock').filter({
      has: page.locator('.opblock-summary-description', { hasText: /^List and search case studies$/ }),
    });
    await operation.locator('.opblock-summary').first().click();
    await operation.locator('.opblock-body').waitFor();
    check(await operation.getByRole('button', { name: 'Try it out' }).isVisible(), 'the operation "List and search case studies" expands');

    await operation.getByRole('button', { name: 'Try it out' }).click();
    await operation.getByRole('button', { name: 'Execute' }).click();

    const response = operation.locator('.live-responses-table tr.response').first();
    const status = response.locator('.response-col_status');
    await status.waitFor();
    check((await status.textContent()).trim() === '200', 'the request is answered 200', await status.textContent());
    const requestUrl = await operation.locator('.request-url').textContent();
    check(requestUrl.includes(`${api}/api/v1/case-studies?`), 'Swagger UI sent the request to the service', requestUrl);
    const body = await response.locator('.response-col_description').textContent();
    check(body.includes('"items"') && body.includes('Bradford'), 'the response body lists case studies in Bradford');
    check(problems.length === 0, 'Swagger UI raises no script errors', problems.join(' | '));
  });
});
