import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { knownPosition, markersFor, REGION_POSITIONS } from '../body-map-positions';
import { BodyMap } from './body-map';

const upperTrapezius = { code: 'upper_trapezius', name: 'Upper trapezius', region: 'head_neck' as const };
const levator = { code: 'levator_scapulae', name: 'Levator scapulae', region: 'head_neck' as const };
const gluteusMedius = { code: 'gluteus_medius', name: 'Gluteus medius', region: 'hip_pelvis' as const };
const masseter = { code: 'masseter', name: 'Masseter', region: 'head_neck' as const };

const markers = (container: HTMLElement, emphasis: 'current' | 'course') =>
  [...container.querySelectorAll(`circle[data-emphasis="${emphasis}"]`)].map((circle) => circle.getAttribute('data-muscle'));

describe('BodyMap', () => {
  it('names the muscles of this visit (with their sides) and of the course in its accessible name and legend', () => {
    const { container } = renderWithProviders(
      <BodyMap
        sites={[
          { muscle: upperTrapezius, side: 'right' },
          { muscle: upperTrapezius, side: 'left' },
          { muscle: levator, side: 'right' },
        ]}
        course={[upperTrapezius, gluteusMedius]}
      />,
    );

    const map = screen.getByRole('img');
    expect(map).toHaveAccessibleName(
      'Body map: needled this visit: Upper trapezius (both sides), Levator scapulae (right); earlier in the course: Gluteus medius',
    );
    expect(markers(container, 'current').toSorted()).toEqual(['levator_scapulae', 'upper_trapezius', 'upper_trapezius']);
    // A muscle of this visit is drawn strong only, not also as part of the course.
    expect(markers(container, 'course')).toEqual(['gluteus_medius', 'gluteus_medius']);

    const legend = screen.getByRole('group', { name: 'Body map legend' });
    expect(within(legend).getByText(/Upper trapezius \(both sides\), Levator scapulae \(right\)/)).toBeInTheDocument();
    expect(within(legend).getByText(/Gluteus medius/)).toBeInTheDocument();
  });

  it('says when nothing is needled yet', () => {
    const { container } = renderWithProviders(<BodyMap sites={[]} />);
    expect(screen.getByRole('img')).toHaveAccessibleName('Body map: no muscles needled yet');
    expect(container.querySelectorAll('circle[data-muscle]')).toHaveLength(0);
  });

  it('draws a one-sided site on that side: the patient’s right on the viewer’s left of the front figure', () => {
    const [right] = markersFor(masseter, new Set(['right']));
    const [left] = markersFor(masseter, new Set(['left']));
    expect(right!.view).toBe('front');
    expect(right!.x).toBeLessThan(0);
    expect(left!.x).toBeGreaterThan(0);

    const [backRight] = markersFor(gluteusMedius, new Set(['right']));
    expect(backRight!.view).toBe('back');
    expect(backRight!.x).toBeGreaterThan(0);
  });
});

describe('muscle positions', () => {
  it('finds a muscle by the words of its code or name when the code differs', () => {
    expect(knownPosition({ code: 'trapezius-upper', name: 'Trapezius, upper fibres' })).toEqual(knownPosition(upperTrapezius));
    expect(knownPosition({ code: 'peroneus_longus_m', name: 'Peroneus longus' })).toEqual(knownPosition({ code: 'fibularis_longus', name: '' }));
    expect(knownPosition({ code: 'ecrb', name: 'Extensor carpi radialis brevis' })).toEqual(knownPosition({ code: 'extensor_carpi_radialis_brevis', name: '' }));
  });

  it('places an unknown muscle at its region, apart from others placed there', () => {
    const unknown = { code: 'musculus_novus', name: 'Novus', region: 'back' as const };
    expect(knownPosition(unknown)).toBeNull();
    const [first] = markersFor(unknown, new Set(['midline']), 0);
    const [second] = markersFor(unknown, new Set(['midline']), 1);
    expect(first).toMatchObject({ view: REGION_POSITIONS.back.view, x: 0, y: REGION_POSITIONS.back.y });
    expect(second!.y).toBeGreaterThan(first!.y);
  });
});
