import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../../test/render';
import { LoginForm } from './login-form';

describe('LoginForm', () => {
  it('renders labelled email and password fields and a submit button', () => {
    renderWithProviders(<LoginForm onSubmit={vi.fn()} />);

    expect(screen.getByLabelText(/^email/i)).toHaveAttribute('type', 'email');
    expect(screen.getByLabelText(/^password/i)).toHaveAttribute('type', 'password');
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
  });

  it('shows a validation error for a bad email, linked to the field, and does not submit', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithProviders(<LoginForm onSubmit={onSubmit} />);

    await user.type(screen.getByLabelText(/^email/i), 'not-an-email');
    await user.type(screen.getByLabelText(/^password/i), 'secret');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    const email = screen.getByLabelText(/^email/i);
    expect(await screen.findByText('Enter a valid email address')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter a valid email address');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('asks for the password when it is empty', async () => {
    const user = userEvent.setup();
    renderWithProviders(<LoginForm onSubmit={vi.fn()} />);

    await user.type(screen.getByLabelText(/^email/i), 'physio@demo.clinic');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByText('Enter your password')).toBeInTheDocument();
  });

  it('submits the values as the contract outputs them (email normalised)', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithProviders(<LoginForm onSubmit={onSubmit} />);

    await user.type(screen.getByLabelText(/^email/i), 'Physio@Demo.Clinic');
    await user.type(screen.getByLabelText(/^password/i), 'demo-clinic-2026');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0]).toEqual({ email: 'physio@demo.clinic', password: 'demo-clinic-2026' });
  });

  it('shows the server’s message as an alert', () => {
    renderWithProviders(<LoginForm onSubmit={vi.fn()} errorMessage="Email or password is incorrect" />);

    expect(screen.getByRole('alert')).toHaveTextContent('Email or password is incorrect');
  });

  it('fills the form from the demo logins table', async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn();
    renderWithProviders(
      <LoginForm
        onSubmit={onSubmit}
        demo={{
          demo: true,
          demoPassword: 'demo-clinic-2026',
          demoLogins: [
            { email: 'admin@demo.clinic', role: 'admin' },
            { email: 'reception@demo.clinic', role: 'receptionist' },
          ],
        }}
      />,
    );

    expect(screen.getByRole('heading', { name: 'Demo clinic logins' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Fill in reception@demo.clinic' }));

    expect(screen.getByLabelText(/^email/i)).toHaveValue('reception@demo.clinic');
    expect(screen.getByLabelText(/^password/i)).toHaveValue('demo-clinic-2026');
    expect(screen.getByRole('button', { name: 'Sign in' })).toHaveFocus();
  });
});
