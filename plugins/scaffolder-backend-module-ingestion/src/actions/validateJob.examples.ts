import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { exampleJobInputs, templateParameterInput } from './exampleJobInputs';

export const examples: TemplateExample[] = [
  {
    description:
      'Checks a nightly PostgreSQL load against the tenant capacity before creating it',
    example: yaml.stringify({
      steps: [
        {
          id: 'capacity-check',
          action: 'ingestion:job:validate',
          name: 'Capacity check',
          input: exampleJobInputs.postgresNightly,
        },
      ],
    }),
  },
  {
    description:
      'Checks an hourly S3 load drawing from vCPU-hours, with explicit executor sizing',
    example: yaml.stringify({
      steps: [
        {
          id: 'capacity-check',
          action: 'ingestion:job:validate',
          name: 'Capacity check',
          input: exampleJobInputs.s3Hourly,
        },
      ],
    }),
  },
  {
    description: "Checks the job described by a template's form",
    example: yaml.stringify({
      steps: [
        {
          id: 'capacity-check',
          action: 'ingestion:job:validate',
          name: 'Capacity check',
          input: templateParameterInput,
        },
      ],
    }),
  },
];
