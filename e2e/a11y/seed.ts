/** The data the accessibility checks look at, in one organisation (and one other that invites across). */
import { eq } from 'drizzle-orm';
import { requestPasswordReset } from '../../src/core/auth/email-links.service.js';
import { inviteMember } from '../../src/core/auth/invitations.service.js';
import { newRecoveryCodes, storeRecoveryCodes } from '../../src/core/auth/second-factor.js';
import { withSystem } from '../../src/core/db/tx.js';
import { networkManagers, networkOrganisations, networks, organisations, programmes } from '../../src/core/tenancy/tenancy.table.js';
import { linkIn } from '../support/smtp.js';
import type { E2EServer } from '../support/server.js';
import { seedMatching } from '../support/matching.js';
import { seedPairs } from '../support/pairs.js';
import { seedVolunteers } from '../support/volunteers.js';
import type { Seed } from './types.js';

export async function createSeed(server: E2EServer): Promise<Seed> {
  const org = await server.organisation('centrum-a11y', 'Centrum Integracji Cudzoziemców');
  const admin = await server.user(org.id, ['administrator', 'coordinator'], { totp: true, name: 'Małgorzata Wiśniewska' });
  const users = {
    admin,
    mfaPending: await server.user(org.id, ['administrator'], { totp: true, name: 'Tomasz Mazur' }),
    securityOff: await server.user(org.id, ['coordinator'], { name: 'Katarzyna Wójcik' }),
    securityPending: await server.user(org.id, ['social_worker'], { name: 'Paweł Kamiński' }),
    securityOn: await server.user(org.id, ['coordinator'], { totp: true, name: 'Agnieszka Lewandowska' }),
    volunteer: await server.user(org.id, ['volunteer'], { name: 'Ołeksij Bondarenko', locale: 'uk' }),
  };
  const personId = await server.person(org.id, 'Oleksandr', 'Shevchenko', ['mentee']);
  await server.person(org.id, 'Amina', 'Haddad', ['volunteer', 'migrant_assistant']);
  await withSystem(server.db, async (tx) => {
    await tx.update(organisations).set({ city: 'Zielonka' }).where(eq(organisations.id, org.id));
    await tx.insert(programmes).values([
      { organisationId: org.id, name: 'Mentoring dla rodzin', description: 'Wolontariusze wspierają rodziny w codziennych sprawach.' },
      { organisationId: org.id, name: 'Pomoc w nauce', description: 'Zajęcia z dziećmi po szkole.' },
    ]);
    const [network] = await tx.insert(networks).values({ slug: 'siec-a11y', name: 'Sieć Integracji' }).returning();
    await tx.insert(networkOrganisations).values({ networkId: network!.id, organisationId: org.id });
    await tx.insert(networkManagers).values({ networkId: network!.id, userId: admin.userId });
  });

  // Another organisation invites someone who already has an account here (securityOn).
  const elsewhere = await server.organisation('fundacja-druga', 'Fundacja Druga');
  const otherAdmin = await server.user(elsewhere.id, ['administrator'], { totp: true, name: 'Hanna Kowalczyk' });
  await inviteMember(server.db, { organisationId: elsewhere.id, userId: otherAdmin.userId }, { email: users.securityOn.email, givenName: 'Agnieszka', familyName: 'Lewandowska', role: 'volunteer', locale: 'pl' }, server.baseUrl);
  const invitee = 'ivan.petrenko@example.org';
  await inviteMember(server.db, { organisationId: org.id, userId: admin.userId, requestId: 'e2e-a11y' }, { email: invitee, givenName: 'Ivan', familyName: 'Petrenko', role: 'volunteer', locale: 'uk' }, server.baseUrl);
  await requestPasswordReset(server.db, users.securityOff.email, 'pl', server.baseUrl, 'e2e-a11y');
  await server.deliverMail();
  const invitation = await server.smtp.nextMail(invitee);
  const reset = await server.smtp.nextMail(users.securityOff.email);
  const existingInvitation = await server.smtp.nextMail(users.securityOn.email);
  const vol = await seedVolunteers(server, org, admin, users.volunteer);
  const m = await seedMatching(server, org, admin, users.securityPending);
  const p = await seedPairs(server, org, { admin, volunteer: users.volunteer, coordinator: users.securityOff, otherCoordinator: users.securityOn, socialWorker: users.securityPending });
  return {
    org,
    users,
    personId,
    vol,
    m,
    p,
    invitationPath: new URL(linkIn(invitation, `${server.baseUrl}/invitation/`)).pathname,
    resetPath: new URL(linkIn(reset, `${server.baseUrl}/password/reset/`)).pathname,
    existingInvitationPath: new URL(linkIn(existingInvitation, `${server.baseUrl}/invitation/`)).pathname,
    async freshRecoveryCode() {
      const codes = newRecoveryCodes();
      await withSystem(server.db, (tx) => storeRecoveryCodes(tx, users.securityOn.userId, codes));
      return codes[0]!;
    },
  };
}

