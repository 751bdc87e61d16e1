import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { OrganizationAdmin } from '../../common/access/access-policy';
import { CurrentViewer, Viewer } from '../../common/access/request-context';
import { OrganizationAdminDto } from './dtos/organization-admin.dto';
import { OrganizationAdminService } from './organization-admin.service';

@Resolver()
export class OrganizationAdminResolver {
  constructor(private readonly admins: OrganizationAdminService) {}

  /** The organization administrators (name, e-mail), by name. Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN. */
  @OrganizationAdmin()
  @Query(() => [OrganizationAdminDto], {
    description:
      'Organization administrators. Access: organization admins. Errors: UNAUTHENTICATED, FORBIDDEN.',
  })
  organizationAdmins(): Promise<OrganizationAdminDto[]> {
    return this.admins.list();
  }

  /**
   * Makes the live account with this e-mail an organization administrator; its sessions gain the
   * rights on their next request. Access: organization admins.
   * Errors: BAD_USER_INPUT, NOT_FOUND (no live account with that e-mail), CONFLICT (already administrator), UNAUTHENTICATED, FORBIDDEN.
   */
  @OrganizationAdmin()
  @Mutation(() => OrganizationAdminDto, {
    description:
      'Appoint an organization administrator by e-mail. Access: organization admins. Errors: BAD_USER_INPUT, NOT_FOUND, CONFLICT.',
  })
  appointOrganizationAdmin(
    @Args('email') email: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OrganizationAdminDto> {
    return this.admins.appoint(email, viewer.user.id);
  }

  /**
   * Removes a user's organization administrator rights (their sessions stay signed in and lose the
   * rights on their next request); one may revoke oneself if another administrator remains.
   * Access: organization admins. Errors: NOT_FOUND, CONFLICT (`reason: LAST_ADMIN`), UNAUTHENTICATED, FORBIDDEN.
   * @returns true
   */
  @OrganizationAdmin()
  @Mutation(() => Boolean, {
    description:
      'Revoke an organization administrator. Access: organization admins. Errors: NOT_FOUND, CONFLICT (LAST_ADMIN).',
  })
  revokeOrganizationAdmin(
    @Args('userId', { type: () => ID }) userId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<boolean> {
    return this.admins.revoke(userId, viewer.user.id);
  }
}
