import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash as argon2Hash } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { createMemberProfile } from '../profile/pseudo';
import { TermsService } from '../terms/terms.service';
import { UserEntity } from './entities/user.entity';

/**
 * Creates the first organization administrator when the database has none.
 * Password: ADMIN_PASSWORD when set, otherwise 18 random bytes (base64url, 24 characters)
 * printed once on the terminal — there is never a fixed default password.
 */
@Injectable()
export class FirstAdminService {
  private readonly logger = new Logger('FirstAdmin');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(AppConfig) private readonly config: AppConfig,
    private readonly terms: TermsService,
  ) {}

  /**
   * Ensures an administrator exists (serialised by an advisory lock across processes).
   * @param print where the one-time credentials go (default: stdout)
   * @returns the created admin's e-mail, or null when one already existed
   */
  async ensure(
    print: (text: string) => void = (t) => process.stdout.write(t),
  ): Promise<string | null> {
    const generated = !this.config.ADMIN_PASSWORD;
    const password = this.config.ADMIN_PASSWORD ?? randomBytes(18).toString('base64url');
    const passwordHash = await argon2Hash(password);
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('concerto:first-admin'))`);
      const existing = await manager.query(`SELECT 1 FROM users WHERE is_admin LIMIT 1`);
      if (existing.length) return false;
      const taken = await manager.query(`SELECT id FROM users WHERE lower(email) = lower($1)`, [
        this.config.ADMIN_EMAIL,
      ]);
      if (taken.length) {
        await manager.query(`UPDATE users SET is_admin = true WHERE id = $1`, [taken[0].id]);
        this.logger.warn('ADMIN_EMAIL already had an account: it is now an administrator');
        return false;
      }
      const inserted = await manager.insert(UserEntity, {
        name: 'Administrateur',
        email: this.config.ADMIN_EMAIL,
        passwordHash,
        isAdmin: true,
        isDemo: false,
        locale: 'fr',
      });
      // the operator who deploys Concerto publishes the terms: its first account starts with the current versions accepted
      await this.terms.acceptCurrentForOperator(manager, inserted.identifiers[0].id as string);
      await createMemberProfile(manager, inserted.identifiers[0].id as string, 'Administrateur');
      return true;
    });
    if (!created) return null;
    if (generated) {
      print(
        [
          '',
          '──────────────────────────────────────────────────────────────',
          ' First administrator created (shown once, keep it safe):',
          `   e-mail:   ${this.config.ADMIN_EMAIL}`,
          `   password: ${password}`,
          '──────────────────────────────────────────────────────────────',
          '',
        ].join('\n'),
      );
    } else {
      this.logger.log('first administrator (ADMIN_EMAIL) created with ADMIN_PASSWORD');
    }
    return this.config.ADMIN_EMAIL;
  }
}
