import { Link } from '../components/link';
import { PageHead } from '../components/page-head';
import { useTitle } from '../components/use-title';

export function NotFoundPage() {
  useTitle('Page not found');
  return (
    <PageHead
      title="Page not found"
      lede={
        <>
          Nothing lives at this address. <Link href="/content">Go to Content</Link>.
        </>
      }
    />
  );
}
