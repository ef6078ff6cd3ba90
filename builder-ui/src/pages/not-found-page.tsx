import { Link } from '../components/link';
import { useTitle } from '../components/use-title';

export function NotFoundPage() {
  useTitle('Page not found');
  return (
    <div class="page-head">
      <div>
        <h1>Page not found</h1>
        <p class="page-lede">
          Nothing lives at this address. <Link href="/content">Go to Content</Link>.
        </p>
      </div>
    </div>
  );
}
