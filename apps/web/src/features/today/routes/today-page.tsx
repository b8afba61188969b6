import { SimpleGrid } from '@mantine/core';
import { PageHeader } from '../../../components/ui/page-header';
import { useSessionUser } from '../../auth/use-session-user';
import { SystemStatusCard } from '../../health/components/system-status-card';
import { MyDayCard } from '../../my-day/components/my-day-card';
import { UserSummaryCard } from '../components/user-summary-card';

const dateFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

function greeting(hour: number): string {
  if (hour < 12) return 'Good morning';
  if (hour < 18) return 'Good afternoon';
  return 'Good evening';
}

/** `/`: the signed-in user's start page. */
export function TodayPage() {
  const user = useSessionUser();
  const now = new Date();

  return (
    <>
      <PageHeader title="Today" description={`${greeting(now.getHours())}, ${user.name}. ${dateFormat.format(now)}.`} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <MyDayCard />
        <UserSummaryCard />
        <SystemStatusCard />
      </SimpleGrid>
    </>
  );
}
