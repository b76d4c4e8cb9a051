import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { exampleJobInputs, templateParameterInput } from './exampleJobInputs';

export const examples: TemplateExample[] = [
  {
    description:
      'Creates a nightly PostgreSQL load in the tenant’s own pool and links to its catalog entity',
    example: yaml.stringify({
      steps: [
        {
          id: 'create',
          action: 'ingestion:job:create',
          name: 'Create the ingestion job',
          input: exampleJobInputs.postgresNightly,
        },
      ],
      output: {
        links: [
          {
            title: 'Open the job in the catalog',
            entityRef: '${{ steps.create.output.entityRef }}',
          },
        ],
      },
    }),
  },
  {
    description:
      'Creates an hourly S3 load on vCPU-hours with explicit executor sizing',
    example: yaml.stringify({
      steps: [
        {
          id: 'create',
          action: 'ingestion:job:create',
          name: 'Create the ingestion job',
          input: exampleJobInputs.s3Hourly,
        },
      ],
    }),
  },
  {
    description:
      "Checks capacity first, then creates the job described by a template's form",
    example: yaml.stringify({
      steps: [
        {
          id: 'capacity-check',
          action: 'ingestion:job:validate',
          name: 'Capacity check',
          input: templateParameterInput,
        },
        {
          id: 'create',
          action: 'ingestion:job:create',
          name: 'Create the ingestion job',
          input: templateParameterInput,
        },
      ],
    }),
  },
];
