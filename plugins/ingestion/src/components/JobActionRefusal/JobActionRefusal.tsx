import { useRouteRef } from '@backstage/frontend-plugin-api';
import { Alert, Button, ButtonLink, Flex } from '@backstage/ui';
import { JobActionRefusal as Refusal } from '../../hooks/useJobActions';
import { capacityRouteRef } from '../../routes';

/**
 * A refused action on a job, in the server's words. When the vCPU-hour balance is used up (402), it offers the way
 * out: the Capacity page, where the tenant buys more.
 */
export const JobActionRefusal = (props: {
  refusal: Refusal;
  onDismiss(): void;
}) => {
  const { refusal, onDismiss } = props;
  const capacityLink = useRouteRef(capacityRouteRef);
  return (
    <Alert
      role="alert"
      status={refusal.needsCapacity ? 'warning' : 'danger'}
      icon
      title={refusal.title}
      description={refusal.message}
      customActions={
        <Flex gap="2">
          {refusal.needsCapacity && capacityLink && (
            <ButtonLink href={capacityLink()} size="small" variant="primary">
              Buy vCPU-hours
            </ButtonLink>
          )}
          <Button size="small" variant="tertiary" onPress={onDismiss}>
            Dismiss
          </Button>
        </Flex>
      }
    />
  );
};
