import { useApi } from '@backstage/frontend-plugin-api';
import {
  API_CLIENT_SCOPES,
  ApiClient,
  ApiClientScope,
} from '@internal/backstage-plugin-ingestion-common';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  Cell,
  CellText,
  Checkbox,
  ColumnConfig,
  Flex,
  Skeleton,
  Table,
  Text,
  TextField,
} from '@backstage/ui';
import { useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { ingestionApiRef } from '../../api';
import { serverMessage } from '../../lib/errors';
import { formatDateTime, formatEntityRef } from '../../lib/format';

type Row = ApiClient & { id: string };

const EMPTY_FORM = {
  clientId: '',
  tenant: '',
  description: '',
  scopes: ['ingestion.read'] as ApiClientScope[],
};

/**
 * Other systems' OAuth 2.0 clients, for platform admins: each registered for one tenant with scopes, revocable.
 * The authorization server holds their secrets; the server checks what is entered here and says what is wrong.
 */
export const ApiClientsCard = () => {
  const api = useApi(ingestionApiRef);
  const clients = useAsyncRetry(() => api.listApiClients(), [api]);
  const [form, setForm] = useState(EMPTY_FORM);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const act = async (change: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await change();
      clients.retry();
      return true;
    } catch (e) {
      setError(serverMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const register = async () => {
    if (await act(() => api.registerApiClient(form))) setForm(EMPTY_FORM);
  };

  const toggleScope = (scope: ApiClientScope, selected: boolean) =>
    setForm(f => ({
      ...f,
      scopes: selected
        ? [...f.scopes, scope]
        : f.scopes.filter(s => s !== scope),
    }));

  const columns: ColumnConfig<Row>[] = [
    {
      id: 'client',
      label: 'Client id',
      isRowHeader: true,
      defaultWidth: '2fr',
      cell: c => <CellText title={c.clientId} description={c.description} />,
    },
    {
      id: 'tenant',
      label: 'Tenant',
      defaultWidth: '1.4fr',
      cell: c => <CellText title={formatEntityRef(c.tenant)} />,
    },
    {
      id: 'scopes',
      label: 'Scopes',
      defaultWidth: '1.6fr',
      cell: c => <CellText title={c.scopes.join(', ')} />,
    },
    {
      id: 'registered',
      label: 'Registered',
      defaultWidth: '1.6fr',
      cell: c => (
        <CellText
          title={formatEntityRef(c.registeredBy)}
          description={formatDateTime(c.registeredAt)}
        />
      ),
    },
    {
      id: 'status',
      label: 'Status',
      defaultWidth: '1.4fr',
      cell: c =>
        c.revokedAt ? (
          <CellText
            title="Revoked"
            description={formatDateTime(c.revokedAt)}
            color="secondary"
          />
        ) : (
          <Cell>
            <Button
              size="small"
              variant="secondary"
              aria-label={`Revoke ${c.clientId}`}
              isDisabled={busy}
              onPress={() => act(() => api.revokeApiClient(c.clientId))}
            >
              Revoke
            </Button>
          </Cell>
        ),
    },
  ];

  return (
    <Card>
      <CardHeader>
        <Flex direction="column" gap="1">
          <Text variant="title-x-small" weight="bold">
            API clients
          </Text>
          <Text variant="body-small" color="secondary">
            Other systems call the ingestion API with OAuth 2.0
            client-credentials tokens. Register each client id of the
            authorization server for one tenant; it reads (ingestion.read) or
            also changes and runs (ingestion.write) that tenant's jobs only.
          </Text>
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="3">
          {error && (
            <Alert status="danger" icon title="Not saved" description={error} />
          )}
          {clients.error && (
            <Alert
              status="danger"
              icon
              title="Could not load the API clients"
              description={serverMessage(clients.error)}
            />
          )}
          {clients.loading && !clients.value ? (
            <Skeleton height={80} />
          ) : (
            <Table
              columnConfig={columns}
              data={(clients.value ?? []).map(c => ({ ...c, id: c.clientId }))}
              pagination={{ type: 'none' }}
            />
          )}
          <Flex gap="3" align="end">
            <TextField
              label="Client id"
              name="clientId"
              value={form.clientId}
              onChange={clientId => setForm(f => ({ ...f, clientId }))}
            />
            <TextField
              label="Tenant"
              name="tenant"
              description="Group ref, e.g. group:default/team-lyra"
              value={form.tenant}
              onChange={tenant => setForm(f => ({ ...f, tenant }))}
            />
            <TextField
              label="Description"
              name="description"
              value={form.description}
              onChange={description => setForm(f => ({ ...f, description }))}
            />
          </Flex>
          <Flex gap="3" align="center">
            {API_CLIENT_SCOPES.map(scope => (
              <Checkbox
                key={scope}
                isSelected={form.scopes.includes(scope)}
                onChange={selected => toggleScope(scope, selected)}
              >
                {scope}
              </Checkbox>
            ))}
            <Button variant="primary" isDisabled={busy} onPress={register}>
              Register client
            </Button>
          </Flex>
        </Flex>
      </CardBody>
    </Card>
  );
};
