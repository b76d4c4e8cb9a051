import { sourceLocation } from './jobLabels';

describe('sourceLocation', () => {
  it('names a table in its database, a query as such, and an S3 prefix as a URL', () => {
    expect(
      sourceLocation({
        type: 'postgres',
        host: 'db',
        port: 5432,
        database: 'payments',
        table: 'public.orders',
        credentialsSecret: 's',
      }),
    ).toBe('payments.public.orders');
    expect(
      sourceLocation({
        type: 'mysql',
        host: 'db',
        port: 3306,
        database: 'shop',
        query: 'select 1',
        credentialsSecret: 's',
      }),
    ).toBe('shop (query)');
    expect(
      sourceLocation({
        type: 's3',
        bucket: 'raw',
        prefix: 'orders/',
        format: 'csv',
      }),
    ).toBe('s3://raw/orders/');
  });
});
