-- The muscle catalogue: muscles commonly needled in IMS (Gunn IMS) and trigger-point dry needling, with the depth
-- range they are usually needled at and whether needling them risks the pleura. Data only: the table comes from the
-- visit_notes migration, and ims_app may only read it (new muscles arrive in later data migrations, never from the
-- app).
--
-- Ids are md5('muscle:' || code) read as a uuid, with the version nibble set to 3 (name-based, MD5) and the variant
-- bits to RFC 9562's: a bare md5 is not a valid UUID, and the contracts (z.uuid()) refuse it as a muscleId. Every
-- installation (and every test database) so has the same id for the same muscle, and a later migration can refer to
-- a muscle without looking it up. Codes are stable snake_case keys (the body map and imports use them): rename a
-- muscle's name freely, never its code.
--
-- Depths are in cm from the skin to where the needle usually works in an adult of average build, with the needle
-- lengths IMS uses (25-75 mm; 100 mm for the deep hip and lumbar muscles). They are a warning band, not a limit:
-- body habitus moves them, so a depth outside the band is signed only with the clinician's acknowledgement and reason
-- (sign rule depth-range). Figures follow the needling descriptions in:
--   Gunn CC. The Gunn Approach to the Treatment of Chronic Pain: Intramuscular Stimulation for Myofascial Pain of
--     Radiculopathic Origin. 2nd ed. Churchill Livingstone; 1996.
--   Dommerholt J, Fernandez-de-las-Penas C, eds. Trigger Point Dry Needling: An Evidence and Clinical-Based Approach.
--     2nd ed. Elsevier; 2019.
--   Halle JS, Halle RJ. Pertinent dry needling considerations for minimizing adverse effects, part one. Int J Sports
--     Phys Ther. 2016;11(4):651-662 (depth to the pleura over the thorax).
--
-- thorax_risk marks muscles whose usual needling lies over the pleura or the lung apex, where a needle that passes
-- through the muscle or an intercostal space can cause a pneumothorax: then the consent in force must disclose that
-- risk (sign rule thorax-consent). The judgement, muscle by muscle, is in the comments of each region. When in doubt
-- the flag is set: its cost is one more disclosed risk in the consent, the cost of leaving it out is a pneumothorax
-- needled without the patient having been told.
--
-- sided is false only for midline structures (the side is then "midline"); levelled is true where the clinician
-- records a spinal level (paraspinals, multifidus, rotatores, interspinales) or, for the intercostals, the space.

INSERT INTO "muscle" ("id", "code", "name", "region", "sided", "levelled", "depth_min_cm", "depth_max_cm", "thorax_risk")
SELECT
  overlay(
    overlay(md5('muscle:' || code) PLACING '3' FROM 13)
    PLACING substr('89ab', ('x' || substr(md5('muscle:' || code), 17, 1))::bit(4)::int % 4 + 1, 1) FROM 17
  )::uuid,
  code, name, region::"muscle_region", sided, levelled, depth_min_cm, depth_max_cm, thorax_risk
FROM (
  VALUES
    -- Head and neck. Jaw and skull-base muscles are shallow (1-2 cm, domain.md). Sternocleidomastoid is held in a
    -- pincer grip, away from the apex: no thorax flag. The scalenes lie on the cupola of the pleura, which rises
    -- 2-3 cm above the medial clavicle, and levator scapulae is usually needled at its insertion on the superior angle
    -- of the scapula, over the first intercostal spaces: all four are flagged.
    ('masseter',              'Masseter',                      'head_neck', true,  false, 0.5, 2.0, false),
    ('temporalis',            'Temporalis',                    'head_neck', true,  false, 0.5, 1.5, false),
    ('lateral_pterygoid',     'Lateral pterygoid',             'head_neck', true,  false, 2.0, 3.5, false),
    ('suboccipitals',         'Suboccipitals',                 'head_neck', true,  false, 1.0, 2.0, false),
    ('splenius_capitis',      'Splenius capitis',              'head_neck', true,  false, 1.0, 2.5, false),
    ('splenius_cervicis',     'Splenius cervicis',             'head_neck', true,  false, 1.5, 3.0, false),
    ('semispinalis_capitis',  'Semispinalis capitis',          'head_neck', true,  false, 1.5, 3.0, false),
    ('cervical_multifidus',   'Cervical multifidus',           'head_neck', true,  true,  1.5, 3.5, false),
    ('sternocleidomastoid',   'Sternocleidomastoid',           'head_neck', true,  false, 0.5, 1.5, false),
    ('anterior_scalene',      'Anterior scalene',              'head_neck', true,  false, 0.5, 1.5, true),
    ('middle_scalene',        'Middle scalene',                'head_neck', true,  false, 0.5, 2.0, true),
    ('posterior_scalene',     'Posterior scalene',             'head_neck', true,  false, 1.0, 2.0, true),
    ('levator_scapulae',      'Levator scapulae',              'head_neck', true,  false, 1.0, 3.0, true),

    -- Shoulder. Upper trapezius is needled in a pincer grip lifted off the lung apex: no flag. Supraspinatus,
    -- infraspinatus and the teres muscles are needled onto the scapula (bone stops the needle). Subscapularis is
    -- reached from the axilla along the anterior surface of the scapula, with the chest wall just medial: flagged.
    ('upper_trapezius',       'Upper trapezius',               'shoulder',  true,  false, 1.0, 2.5, false),
    ('supraspinatus',         'Supraspinatus',                 'shoulder',  true,  false, 2.0, 4.0, false),
    ('infraspinatus',         'Infraspinatus',                 'shoulder',  true,  false, 1.0, 3.0, false),
    ('teres_minor',           'Teres minor',                   'shoulder',  true,  false, 1.5, 3.5, false),
    ('teres_major',           'Teres major',                   'shoulder',  true,  false, 1.5, 3.5, false),
    ('subscapularis',         'Subscapularis',                 'shoulder',  true,  false, 2.0, 5.0, true),
    ('anterior_deltoid',      'Deltoid (anterior fibres)',     'shoulder',  true,  false, 1.0, 3.0, false),
    ('middle_deltoid',        'Deltoid (middle fibres)',       'shoulder',  true,  false, 1.0, 3.0, false),
    ('posterior_deltoid',     'Deltoid (posterior fibres)',    'shoulder',  true,  false, 1.0, 3.0, false),
    ('coracobrachialis',      'Coracobrachialis',              'shoulder',  true,  false, 1.5, 3.5, false),

    -- Arm and hand (tennis elbow: the wrist extensors, supinator and anconeus). Nothing here is near the pleura.
    ('biceps_brachii',                  'Biceps brachii',                  'upper_limb', true, false, 1.0, 3.0, false),
    ('brachialis',                      'Brachialis',                      'upper_limb', true, false, 2.0, 4.0, false),
    ('triceps_brachii',                 'Triceps brachii',                 'upper_limb', true, false, 1.5, 4.0, false),
    ('brachioradialis',                 'Brachioradialis',                 'upper_limb', true, false, 1.0, 2.5, false),
    ('extensor_carpi_radialis_longus',  'Extensor carpi radialis longus',  'upper_limb', true, false, 0.5, 2.0, false),
    ('extensor_carpi_radialis_brevis',  'Extensor carpi radialis brevis',  'upper_limb', true, false, 1.0, 2.5, false),
    ('extensor_digitorum',              'Extensor digitorum',              'upper_limb', true, false, 0.5, 2.0, false),
    ('extensor_carpi_ulnaris',          'Extensor carpi ulnaris',          'upper_limb', true, false, 0.5, 2.0, false),
    ('supinator',                       'Supinator',                       'upper_limb', true, false, 1.5, 3.0, false),
    ('anconeus',                        'Anconeus',                        'upper_limb', true, false, 0.5, 1.5, false),
    ('pronator_teres',                  'Pronator teres',                  'upper_limb', true, false, 1.0, 2.5, false),
    ('flexor_carpi_radialis',           'Flexor carpi radialis',           'upper_limb', true, false, 1.0, 2.5, false),
    ('flexor_digitorum_superficialis',  'Flexor digitorum superficialis',  'upper_limb', true, false, 1.5, 3.0, false),
    ('flexor_carpi_ulnaris',            'Flexor carpi ulnaris',            'upper_limb', true, false, 0.5, 2.0, false),
    ('first_dorsal_interosseous',       'First dorsal interosseous',       'upper_limb', true, false, 0.5, 1.5, false),
    ('adductor_pollicis',               'Adductor pollicis',               'upper_limb', true, false, 0.5, 1.5, false),

    -- Chest wall: every muscle here lies directly on the ribs and intercostal spaces, over the pleura. Pectoralis
    -- major is usually held in a pincer grip, but its sternal and lower fibres are not: flagged like the rest.
    ('pectoralis_major',      'Pectoralis major',              'thorax',    true,  false, 1.0, 2.5, true),
    ('pectoralis_minor',      'Pectoralis minor',              'thorax',    true,  false, 1.5, 3.5, true),
    ('serratus_anterior',     'Serratus anterior',             'thorax',    true,  false, 0.5, 1.5, true),
    ('subclavius',            'Subclavius',                    'thorax',    true,  false, 1.0, 2.0, true),
    ('intercostals',          'Intercostals',                  'thorax',    true,  true,  0.5, 1.0, true),

    -- Back. Over the thorax (T1-T12) the pleura lies a few cm under the skin: middle and lower trapezius, the
    -- rhomboids, both serratus posterior muscles, latissimus dorsi (over the lower ribs) and the thoracic
    -- paraspinals are flagged (a needle aimed at a lamina that slips lateral to it meets an intercostal space).
    -- Lumbar muscles lie below the pleural reflection (about T12 posteriorly): not flagged; quadratus lumborum is
    -- needled below the 12th rib.
    ('middle_trapezius',             'Middle trapezius',             'back', true,  false, 1.0, 2.0, true),
    ('lower_trapezius',              'Lower trapezius',              'back', true,  false, 1.0, 2.0, true),
    ('rhomboid_major',               'Rhomboid major',               'back', true,  false, 1.0, 2.5, true),
    ('rhomboid_minor',               'Rhomboid minor',               'back', true,  false, 1.0, 2.5, true),
    ('latissimus_dorsi',             'Latissimus dorsi',             'back', true,  false, 1.0, 3.0, true),
    ('serratus_posterior_superior',  'Serratus posterior superior',  'back', true,  false, 1.5, 3.0, true),
    ('serratus_posterior_inferior',  'Serratus posterior inferior',  'back', true,  false, 1.5, 3.0, true),
    ('iliocostalis_thoracis',        'Iliocostalis thoracis',        'back', true,  true,  1.0, 2.5, true),
    ('longissimus_thoracis',         'Longissimus thoracis',         'back', true,  true,  1.5, 3.0, true),
    ('thoracic_multifidus',          'Thoracic multifidus',          'back', true,  true,  1.5, 3.5, true),
    ('thoracic_rotatores',           'Thoracic rotatores',           'back', true,  true,  2.0, 4.0, true),
    ('lumbar_multifidus',            'Lumbar multifidus',            'back', true,  true,  3.0, 7.0, false),
    ('iliocostalis_lumborum',        'Iliocostalis lumborum',        'back', true,  true,  2.0, 5.0, false),
    ('longissimus_lumborum',         'Longissimus lumborum',         'back', true,  true,  2.5, 6.0, false),
    ('lumbar_interspinales',         'Lumbar interspinales',         'back', false, true,  1.5, 4.0, false),
    ('quadratus_lumborum',           'Quadratus lumborum',           'back', true,  false, 4.0, 8.0, false),

    -- Hip and pelvis: the deep muscles, needled with 75-100 mm needles. None near the pleura.
    ('gluteus_maximus',       'Gluteus maximus',               'hip_pelvis', true, false, 2.0, 6.0, false),
    ('gluteus_medius',        'Gluteus medius',                'hip_pelvis', true, false, 3.0, 6.0, false),
    ('gluteus_minimus',       'Gluteus minimus',               'hip_pelvis', true, false, 4.0, 7.5, false),
    ('piriformis',            'Piriformis',                    'hip_pelvis', true, false, 5.0, 9.0, false),
    ('tensor_fasciae_latae',  'Tensor fasciae latae',          'hip_pelvis', true, false, 1.0, 3.0, false),
    ('iliacus',               'Iliacus',                       'hip_pelvis', true, false, 3.0, 6.0, false),
    ('psoas_major',           'Psoas major',                   'hip_pelvis', true, false, 6.0, 10.0, false),

    -- Leg and foot.
    ('rectus_femoris',             'Rectus femoris',               'lower_limb', true, false, 2.0, 5.0, false),
    ('vastus_lateralis',           'Vastus lateralis',             'lower_limb', true, false, 2.0, 5.0, false),
    ('vastus_medialis',            'Vastus medialis',              'lower_limb', true, false, 1.5, 4.0, false),
    ('biceps_femoris',             'Biceps femoris',               'lower_limb', true, false, 2.0, 5.0, false),
    ('semitendinosus',             'Semitendinosus',               'lower_limb', true, false, 2.0, 4.5, false),
    ('semimembranosus',            'Semimembranosus',              'lower_limb', true, false, 2.5, 5.5, false),
    ('adductor_longus',            'Adductor longus',              'lower_limb', true, false, 1.5, 4.0, false),
    ('adductor_magnus',            'Adductor magnus',              'lower_limb', true, false, 3.0, 7.0, false),
    ('medial_gastrocnemius',       'Gastrocnemius (medial head)',  'lower_limb', true, false, 1.5, 4.0, false),
    ('lateral_gastrocnemius',      'Gastrocnemius (lateral head)', 'lower_limb', true, false, 1.5, 3.5, false),
    ('soleus',                     'Soleus',                       'lower_limb', true, false, 3.0, 6.0, false),
    ('popliteus',                  'Popliteus',                    'lower_limb', true, false, 3.0, 5.0, false),
    ('tibialis_anterior',          'Tibialis anterior',            'lower_limb', true, false, 1.5, 3.5, false),
    ('tibialis_posterior',         'Tibialis posterior',           'lower_limb', true, false, 4.0, 7.0, false),
    ('fibularis_longus',           'Fibularis (peroneus) longus',  'lower_limb', true, false, 1.0, 3.0, false),
    ('fibularis_brevis',           'Fibularis (peroneus) brevis',  'lower_limb', true, false, 1.5, 3.0, false),
    ('extensor_digitorum_longus',  'Extensor digitorum longus',    'lower_limb', true, false, 1.5, 3.5, false),
    ('flexor_digitorum_longus',    'Flexor digitorum longus',      'lower_limb', true, false, 2.5, 4.5, false),
    ('abductor_hallucis',          'Abductor hallucis',            'lower_limb', true, false, 1.0, 2.5, false)
) AS catalogue (code, name, region, sided, levelled, depth_min_cm, depth_max_cm, thorax_risk);
