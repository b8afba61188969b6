import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { postgresErrorInfo, SQLSTATE, type Prisma, type PrismaClient } from '@ims/prisma';
import type { CreateUserRequest, CreateUserResponse, PasswordLink, RoleName, UpdateUserRequest, User, UserListQuery } from '@ims/contracts';
import type { z } from 'zod';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { InjectPrisma } from '../database/database.tokens';
import { ConflictError, InvalidInputError, NotFoundError, RuleViolationError, StaleVersionError } from '../common/problem/domain-errors';
import type { RequestUser } from '../common/access/request-user';
import { AuditService } from '../audit/audit.service';
import { PasswordHasher } from '../auth/password-hasher';
import { SessionsService } from '../auth/sessions.service';
import { PasswordResetTokensService, RESET_LINK_LIFETIME_MS, SET_PASSWORD_LINK_LIFETIME_MS } from '../account/password-reset-tokens.service';
import { auditActionFor, diffUser, selfLockoutViolations } from './user-changes';
import { toUserView, USER_INCLUDE } from './user-view';

// The validated (parsed) shapes: defaults applied, emails lower-cased, `active` a boolean.
type ListQuery = z.output<typeof UserListQuery>;
type CreateInput = z.output<typeof CreateUserRequest>;
type UpdateInput = z.output<typeof UpdateUserRequest>;

/** Admin management of the users of the admin's own organisation. Another organisation's user is a 404. */
@Injectable()
export class UsersService {
  constructor(
    @InjectPrisma() private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly tokens: PasswordResetTokensService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: RequestUser, query: ListQuery): Promise<{ items: User[]; total: number }> {
    const where: Prisma.UserWhereInput = {
      organisationId: actor.organisationId,
      ...(query.q ? { OR: [{ name: { contains: query.q, mode: 'insensitive' } }, { email: { contains: query.q, mode: 'insensitive' } }] } : {}),
      ...(query.role ? { roles: { has: query.role } } : {}),
      ...(query.active !== undefined ? { active: query.active } : {}),
    };
    const [rows, total] = await Promise.all([
      this.prisma.user.findMany({
        where,
        include: USER_INCLUDE,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      this.prisma.user.count({ where }),
    ]);
    return { items: rows.map(toUserView), total };
  }

  async get(actor: RequestUser, id: string): Promise<User> {
    return toUserView(await this.findInOrganisation(actor, id));
  }

  /** Creates the user with a password nobody knows and returns a 72-hour link to set one. */
  async create(actor: RequestUser, input: CreateInput, origin: string): Promise<CreateUserResponse> {
    const clinicIds = [...new Set(input.clinicIds)];
    const roles = [...new Set(input.roles)];
    await this.assertClinicsOfOrganisation(actor, clinicIds);
    if (await this.prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw duplicateEmail(input.email);
    // A real argon2 hash of a random secret: login attempts take the usual time and never succeed.
    const passwordHash = await this.hasher.hash(randomBytes(32).toString('base64url'));
    try {
      return await this.prisma.$transaction(async (tx) => {
        const row = await tx.user.create({
          data: {
            organisationId: actor.organisationId,
            email: input.email,
            name: input.name,
            roles,
            passwordHash,
            clinics: { create: clinicIds.map((clinicId) => ({ organisationId: actor.organisationId, clinicId })) },
          },
          include: USER_INCLUDE,
        });
        const link = await this.tokens.issue(tx, { userId: row.id, issuedById: actor.id, lifetimeMs: SET_PASSWORD_LINK_LIFETIME_MS, baseUrl: this.baseUrl(origin) });
        await this.audit.recordMany(
          actor,
          [
            { action: 'create', entityType: 'user', entityId: row.id, detail: { email: row.email, name: row.name, roles, clinicIds: [...clinicIds].sort() } },
            { action: 'issue_password_link', entityType: 'user', entityId: row.id, detail: { purpose: 'set_password', expiresAt: link.expiresAt } },
          ],
          tx,
        );
        return { user: toUserView(row), setPasswordLink: link };
      });
    } catch (error) {
      // Two admins creating the same email at once: the unique index decides, and the answer still names the email.
      if (postgresErrorInfo(error)?.sqlState === SQLSTATE.uniqueViolation) throw duplicateEmail(input.email);
      throw error;
    }
  }

  /**
   * Edits name, roles, clinics or active. The `version` must be current (else 409, nothing changes); deactivating
   * ends all of the user's sessions in the same transaction.
   */
  async update(actor: RequestUser, id: string, input: UpdateInput): Promise<User> {
    const current = await this.findInOrganisation(actor, id);
    if (current.version !== input.version) throw new StaleVersionError('User', current.version);
    if (input.clinicIds) await this.assertClinicsOfOrganisation(actor, input.clinicIds);
    const changes = diffUser(
      { name: current.name, roles: current.roles as RoleName[], clinicIds: current.clinics.map((c) => c.clinicId), active: current.active },
      input,
    );
    const violations = selfLockoutViolations(current.id === actor.id, changes);
    if (violations.length > 0) throw new RuleViolationError('This change would lock you out of administration', violations);
    if (Object.keys(changes).length === 0) return toUserView(current);

    await this.prisma.$transaction(async (tx) => {
      // The version in the WHERE makes a concurrent edit (read the same version, wrote first) lose with a 409.
      const updated = await tx.user.updateMany({
        where: { id, organisationId: actor.organisationId, version: input.version },
        data: {
          ...(changes.name ? { name: changes.name.to } : {}),
          ...(changes.roles ? { roles: changes.roles.to } : {}),
          ...(changes.active ? { active: changes.active.to, deactivatedAt: changes.active.to ? null : new Date() } : {}),
          version: { increment: 1 },
        },
      });
      if (updated.count !== 1) throw new StaleVersionError('User');
      if (changes.clinicIds) {
        await tx.userClinic.deleteMany({ where: { userId: id } });
        await tx.userClinic.createMany({ data: changes.clinicIds.to.map((clinicId) => ({ organisationId: actor.organisationId, userId: id, clinicId })) });
      }
      if (changes.active?.to === false) await this.sessions.revokeAllOf(id, { tx });
      await this.audit.record(actor, { action: auditActionFor(changes), entityType: 'user', entityId: id, detail: { changes } }, tx);
    });
    return this.get(actor, id);
  }

  /** An admin-issued one-time reset link (60 minutes); it replaces any earlier unused link of the user. */
  async issuePasswordLink(actor: RequestUser, id: string, origin: string): Promise<PasswordLink> {
    const user = await this.findInOrganisation(actor, id);
    if (!user.active) {
      throw new RuleViolationError('The user is deactivated', [{ rule: 'user-inactive', message: 'Reactivate the user before issuing a password link' }]);
    }
    return this.prisma.$transaction(async (tx) => {
      const link = await this.tokens.issue(tx, { userId: id, issuedById: actor.id, lifetimeMs: RESET_LINK_LIFETIME_MS, baseUrl: this.baseUrl(origin) });
      await this.audit.record(actor, { action: 'issue_password_link', entityType: 'user', entityId: id, detail: { purpose: 'reset', expiresAt: link.expiresAt } }, tx);
      return link;
    });
  }

  private async findInOrganisation(actor: RequestUser, id: string) {
    const row = await this.prisma.user.findFirst({ where: { id, organisationId: actor.organisationId }, include: USER_INCLUDE });
    if (!row) throw new NotFoundError('User', id);
    return row;
  }

  private async assertClinicsOfOrganisation(actor: RequestUser, clinicIds: string[]): Promise<void> {
    const unique = [...new Set(clinicIds)];
    const found = await this.prisma.clinic.count({ where: { id: { in: unique }, organisationId: actor.organisationId } });
    if (found !== unique.length) {
      throw new InvalidInputError('clinicIds: every clinic must be a clinic of your organisation', [
        { path: 'clinicIds', message: 'must be clinics of your organisation' },
      ]);
    }
  }

  /** Links shown to the admin open the app where the admin is using it, unless APP_URL names the public address. */
  private baseUrl(origin: string): string {
    return this.config.APP_URL ?? origin;
  }
}

function duplicateEmail(email: string): ConflictError {
  return new ConflictError(`A user with email ${email} already exists`, [{ entity: 'user', message: `email ${email} is already in use` }]);
}
