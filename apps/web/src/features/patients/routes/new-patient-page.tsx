import { Anchor, Breadcrumbs, Paper } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { RegistrationForm } from '../components/registration-form';

/** `/patients/new` (receptionist, physiotherapist): register a patient, warned about people already on file. */
export function NewPatientPage() {
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/patients" size="sm">
          Patients
        </Anchor>
      </Breadcrumbs>
      <PageHeader
        title="Register a patient"
        description="Names and date of birth are required. Possible duplicates appear as you type."
      />
      <Paper p="lg">
        <RegistrationForm />
      </Paper>
    </>
  );
}
