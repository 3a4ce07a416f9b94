import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatusBadge } from './status-badge';

describe('StatusBadge', () => {
  it('tells a switched-off token from a revoked one, in words and style', () => {
    render(
      <>
        <StatusBadge status="inactive" />
        <StatusBadge status="revoked" />
      </>,
    );
    const inactive = screen.getByText('Inactive');
    const revoked = screen.getByText('Revoked');
    expect(inactive.className).toBe('badge badge-inactive');
    expect(revoked.className).toBe('badge badge-revoked');
  });
});
