import { Flex, Text } from '@backstage/ui';

/** A card's title, with an optional line saying what the card shows. */
export const SectionTitle = (props: { title: string; subtitle?: string }) => (
  <Flex direction="column" gap="1">
    <Text variant="title-x-small" weight="bold">
      {props.title}
    </Text>
    {props.subtitle && (
      <Text variant="body-small" color="secondary">
        {props.subtitle}
      </Text>
    )}
  </Flex>
);
