/**
 * What the profile feature adds to "download my data" (GDPR art. 15 and 20): the member's own
 * profile with the visibility of each field, and the members they follow and who follow them
 * (pseudos only). The avatar image itself is not in the archive (its id and size are).
 * `$1` = the account's id. Read by the account feature's archive builder.
 */
export const PROFILE_PERSONAL_DATASETS = [
  {
    name: 'member_profile',
    description: 'Votre profil de membre (et qui peut voir chaque champ)',
    columns: [
      'pseudo',
      'organisation',
      'organisation_visibility',
      'typology',
      'typology_visibility',
      'role_title',
      'role_title_visibility',
      'bio',
      'bio_visibility',
      'website',
      'website_visibility',
      'avatar_id',
      'avatar_bytes',
      'avatar_visibility',
      'created_at',
      'updated_at',
    ],
    sql: `SELECT p.pseudo, p.organisation, p.organisation_visibility, t.label AS typology, p.typology_visibility, p.role_title, p.role_title_visibility,
                 p.bio, p.bio_visibility, p.website, p.website_visibility, p.avatar_id, octet_length(a.bytes) AS avatar_bytes, p.avatar_visibility,
                 p.created_at, p.updated_at
            FROM member_profiles p LEFT JOIN member_typologies t ON t.key = p.typology_key LEFT JOIN member_avatars a ON a.id = p.avatar_id
           WHERE p.user_id = $1`,
  },
  {
    name: 'member_follows',
    description: 'Les membres que vous suivez et ceux qui vous suivent',
    columns: ['direction', 'pseudo', 'since'],
    sql: `SELECT 'SUIT' AS direction, p.pseudo, f.created_at AS since FROM member_follows f JOIN member_profiles p ON p.user_id = f.followed_id WHERE f.follower_id = $1
          UNION ALL
          SELECT 'SUIVI PAR', p.pseudo, f.created_at FROM member_follows f JOIN member_profiles p ON p.user_id = f.follower_id WHERE f.followed_id = $1
          ORDER BY since`,
  },
];
