import { registerMswTestHooks } from '@backstage/backend-test-utils';
import { http, HttpResponse, JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';

/** Where mockServices.discovery() puts the ingestion plugin. */
export const INGESTION_URL = 'http://localhost:0/api/ingestion';

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | null;
  body: unknown;
}

/** The JSON error body Backstage backends answer with. */
export function errorBody(statusCode: number, name: string, message: string) {
  return {
    error: { name, message },
    request: { method: 'POST', url: '/api/ingestion/jobs' },
    response: { statusCode },
  };
}

/**
 * A fake ingestion service (msw) answering `POST /jobs/validate` and `POST /jobs` with the given responses, and
 * recording every request it receives (from the start of each test).
 */
export function fakeIngestionService() {
  const server = setupServer();
  registerMswTestHooks(server);
  const requests: RecordedRequest[] = [];
  beforeEach(() => {
    requests.length = 0;
  });

  const respond = (path: string, status: number, body: JsonBodyType) =>
    server.use(
      http.post(`${INGESTION_URL}${path}`, async ({ request }) => {
        requests.push({
          method: request.method,
          path,
          authorization: request.headers.get('authorization'),
          body: await request.json(),
        });
        return HttpResponse.json(body, { status });
      }),
    );

  return {
    requests,
    answerValidate: (body: JsonBodyType, status = 200) =>
      respond('/jobs/validate', status, body),
    answerCreate: (body: JsonBodyType, status = 201) =>
      respond('/jobs', status, body),
  };
}
