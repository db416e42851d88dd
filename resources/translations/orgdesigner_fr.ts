<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AddressDialog</name>
    <message>
        <source>Open a shared repository</source>
        <translation>Ouvrir un référentiel partagé</translation>
    </message>
    <message>
        <source>The password comes from PGPASSWORD or the .pgpass file, or is asked for when the server needs it. OrgDesigner never stores it.</source>
        <translation>Le mot de passe est lu dans PGPASSWORD ou dans le fichier .pgpass, ou demandé quand le serveur l’exige. OrgDesigner ne le conserve jamais.</translation>
    </message>
    <message>
        <source>Address of the PostgreSQL database:</source>
        <translation>Adresse de la base PostgreSQL&#xa0;:</translation>
    </message>
</context>
<context>
    <name>AgencyPanel</name>
    <message>
        <source>Agency</source>
        <translation>Agence</translation>
    </message>
    <message>
        <source>Choose an agency</source>
        <translation>Choisir une agence</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>Non renseigné</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Territoire</translation>
    </message>
    <message>
        <source>Dwellings</source>
        <translation>Logements</translation>
    </message>
    <message>
        <source>Site management</source>
        <translation>Gestion de site</translation>
    </message>
    <message>
        <source>Sites (housing estates)</source>
        <translation>Sites (ensembles immobiliers)</translation>
    </message>
    <message>
        <source>Sites given</source>
        <translation>Sites renseignés</translation>
    </message>
    <message>
        <source>Unticked: the sites are not given and the guarding check is skipped. Ticked with no site: the agency has none.</source>
        <translation>Décoché&#xa0;: les sites ne sont pas renseignés et le contrôle du gardiennage n’est pas effectué. Coché sans aucun site&#xa0;: l’agence n’en a aucun.</translation>
    </message>
    <message>
        <source>Guarding zone</source>
        <translation>Zone de gardiennage</translation>
    </message>
    <message>
        <source>The estate meets the zone criteria of the guarding obligation (priority neighbourhood or commune above 25,000 inhabitants; CSI R271-1).</source>
        <translation>L’ensemble remplit les critères de zone de l’obligation de gardiennage (quartier prioritaire ou commune de plus de 25&#xa0;000 habitants&#xa0;; CSI R271-1).</translation>
    </message>
    <message>
        <source>Add a site</source>
        <translation>Ajouter un site</translation>
    </message>
    <message>
        <source>Remove the selected sites</source>
        <translation>Retirer les sites sélectionnés</translation>
    </message>
    <message>
        <source>Perimeter</source>
        <translation>Périmètre</translation>
    </message>
    <message>
        <source>Perimeter given</source>
        <translation>Périmètre renseigné</translation>
    </message>
    <message>
        <source>Unticked: the perimeter is not given and the perimeter checks are skipped. Ticking it starts from &apos;not responsible&apos; for every mission.</source>
        <translation>Décoché&#xa0;: le périmètre n’est pas renseigné et les contrôles du périmètre ne sont pas effectués. Le cocher part de «&#xa0;non responsable&#xa0;» pour chaque mission.</translation>
    </message>
    <message>
        <source>Fill from a reference model…</source>
        <translation>Remplir d’après un modèle de référence…</translation>
    </message>
    <message>
        <source>Model {number} ({group})</source>
        <translation>Modèle {number} ({group})</translation>
    </message>
    <message>
        <source>Forms of presence</source>
        <translation>Formes de présence</translation>
    </message>
    <message>
        <source>Forms of presence given</source>
        <translation>Formes de présence renseignées</translation>
    </message>
    <message>
        <source>Unticked: not given, and the territory&apos;s recommendations are not checked. Ticked with none chosen: the agency has none.</source>
        <translation>Décoché&#xa0;: non renseignées, et les recommandations du territoire ne sont pas vérifiées. Coché sans aucune forme choisie&#xa0;: l’agence n’en a aucune.</translation>
    </message>
    <message>
        <source>Reception</source>
        <translation>Accueil</translation>
    </message>
    <message>
        <source>Reception arrangements given</source>
        <translation>Dispositifs d’accueil renseignés</translation>
    </message>
    <message>
        <source>{count} of {total} landlords ({year} survey)</source>
        <translation>{count} bailleurs sur {total} (enquête {year})</translation>
    </message>
    <message>
        <source>Choose a territory to see the reference&apos;s context, stakes and recommended presence.</source>
        <translation>Choisissez un territoire pour voir le contexte, les enjeux et la présence recommandée par la référence.</translation>
    </message>
    <message>
        <source>or</source>
        <translation>ou</translation>
    </message>
    <message>
        <source>Context: {text}</source>
        <translation>Contexte&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Stakes: {text}</source>
        <translation>Enjeux&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Proximity: {text}</source>
        <translation>Proximité&#xa0;: {text}</translation>
    </message>
    <message>
        <source>Recommended forms of presence (in bold below): {forms}.</source>
        <translation>Formes de présence recommandées (en gras ci-dessous)&#xa0;: {forms}.</translation>
    </message>
    <message>
        <source>A sector manager in the agency is recommended.</source>
        <translation>Un responsable de secteur est recommandé dans l’agence.</translation>
    </message>
    <message>
        <source>Site {number}</source>
        <translation>Site {number}</translation>
    </message>
    <message>
        <source>Positions are assigned to {sites}: {positions}. Assign them to another site (or none) first.</source>
        <translation>Des postes sont affectés à {sites}&#xa0;: {positions}. Affectez-les d’abord à un autre site (ou à aucun).</translation>
    </message>
</context>
<context>
    <name>ChangesPanel</name>
    <message>
        <source>Show:</source>
        <translation>Afficher&#xa0;:</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Changement</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agence</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Ce qui change</translation>
    </message>
</context>
<context>
    <name>ChartScene</name>
    <message>
        <source>Edit in place (F2)</source>
        <translation>Modifier sur place (F2)</translation>
    </message>
    <message>
        <source>Expand the subtree</source>
        <translation>Déplier la branche</translation>
    </message>
    <message>
        <source>Collapse the subtree</source>
        <translation>Replier la branche</translation>
    </message>
    <message>
        <source>Lay out this agency</source>
        <translation>Disposition de cette agence</translation>
    </message>
    <message>
        <source>Hierarchical link</source>
        <translation>Lien hiérarchique</translation>
    </message>
    <message>
        <source>Dotted (functional) link</source>
        <translation>Lien fonctionnel (pointillés)</translation>
    </message>
    <message>
        <source>Contract link</source>
        <translation>Lien de pilotage de prestataire</translation>
    </message>
    <message>
        <source>Delete the link</source>
        <translation>Supprimer le lien</translation>
    </message>
    <message>
        <source>Edit the agency</source>
        <translation>Modifier l’agence</translation>
    </message>
</context>
<context>
    <name>ComparisonWindow</name>
    <message>
        <source>Comparison: {before} → {after}</source>
        <translation>Comparaison&#xa0;: {before} → {after}</translation>
    </message>
    <message>
        <source>Target: {name}</source>
        <translation>Cible&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Source: {name}</source>
        <translation>Source&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Switch between the target and the source (T)</source>
        <translation>Passer de la cible à l’existant et inversement (T)</translation>
    </message>
    <message>
        <source>Show the other scenario</source>
        <translation>Montrer l’autre scénario</translation>
    </message>
    <message>
        <source>&amp;Fit all</source>
        <translation>&amp;Tout afficher</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom &amp;avant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ra&amp;fraîchir</translation>
    </message>
    <message>
        <source>Compute the comparison again from the project as it stands (F5)</source>
        <translation>Refaire la comparaison sur le projet tel qu’il est (F5)</translation>
    </message>
    <message>
        <source>Export as &amp;PDF…</source>
        <translation>Exporter en &amp;PDF…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Fermer</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Comparaison</translation>
    </message>
    <message>
        <source>faded and dashed: a position only the other scenario has, drawn where it stands there</source>
        <translation>estompé, en pointillés&#xa0;: un poste que seul l’autre scénario comporte, dessiné à sa place dans celui-ci</translation>
    </message>
    <message>
        <source>Other changes ({count})</source>
        <translation>Autres changements ({count})</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;⚠ %n change(s) to guarding arrangements must be put to the tenant consultation council (CSI R271-3).&lt;/b&gt; &lt;a href=&quot;notices&quot;&gt;See the notices&lt;/a&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;⚠ %n changement de dispositif de gardiennage doit être soumis au conseil de concertation locative (CSI R271-3).&lt;/b&gt; &lt;a href=&quot;notices&quot;&gt;Voir les avis&lt;/a&gt;</numerusform>
            <numerusform>&lt;b&gt;⚠ %n changements de dispositifs de gardiennage doivent être soumis au conseil de concertation locative (CSI R271-3).&lt;/b&gt; &lt;a href=&quot;notices&quot;&gt;Voir les avis&lt;/a&gt;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) written to {file}</source>
        <translation>
            <numerusform>%n page écrite dans {file}</numerusform>
            <numerusform>%n pages écrites dans {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>Notices CSI R271-3 ({count})</source>
        <translation>Avis CSI R271-3 ({count})</translation>
    </message>
    <message>
        <source>Position changes ({count})</source>
        <translation>Changements de postes ({count})</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Agences</translation>
    </message>
    <message>
        <source>Findings: {resolved} resolved, {introduced} introduced</source>
        <translation>Constats&#xa0;: {resolved} résolus, {introduced} introduits</translation>
    </message>
    <message>
        <source>Target shown, {name}: the positions it removes are faded where they were. Read only.</source>
        <translation>Cible affichée, {name}&#xa0;: les postes qu’elle supprime sont estompés à leur place. Lecture seule.</translation>
    </message>
    <message>
        <source>Source shown, {name}: the positions the target adds are faded where they will be. Read only.</source>
        <translation>Existant affiché, {name}&#xa0;: les postes que la cible ajoute sont estompés à leur future place. Lecture seule.</translation>
    </message>
    <message>
        <source>Cannot refresh the comparison</source>
        <translation>Impossible de rafraîchir la comparaison</translation>
    </message>
    <message>
        <source>The scenario “{name}” is no longer in the project.</source>
        <translation>Le scénario «&#xa0;{name}&#xa0;» n’est plus dans le projet.</translation>
    </message>
    <message>
        <source>The scenario “{name}” is no longer in the project: this comparison shows it as it was.</source>
        <translation>Le scénario «&#xa0;{name}&#xa0;» n’est plus dans le projet&#xa0;: cette comparaison le montre tel qu’il était.</translation>
    </message>
    <message>
        <source>The project has changed since this comparison was made. &lt;a href=&quot;refresh&quot;&gt;Refresh&lt;/a&gt; (F5)</source>
        <translation>Le projet a changé depuis cette comparaison. &lt;a href=&quot;refresh&quot;&gt;Rafraîchir&lt;/a&gt; (F5)</translation>
    </message>
    <message>
        <source>Export the comparison as PDF</source>
        <translation>Exporter la comparaison en PDF</translation>
    </message>
    <message>
        <source>Cannot export the PDF</source>
        <translation>Impossible d’exporter le PDF</translation>
    </message>
</context>
<context>
    <name>Exporting</name>
    <message>
        <source>Organisation chart: {scenario}</source>
        <translation>Organigramme&#xa0;: {scenario}</translation>
    </message>
    <message>
        <source>Organisation chart: {scenario}, {agency}</source>
        <translation>Organigramme&#xa0;: {scenario}, {agency}</translation>
    </message>
    <message>
        <source>Drawn by OrgDesigner as the canvas shows it.</source>
        <translation>Dessiné par OrgDesigner, tel que l’affiche la fenêtre.</translation>
    </message>
    <message>
        <source>Nothing to print</source>
        <translation>Rien à imprimer</translation>
    </message>
    <message>
        <source>The chart has no position.</source>
        <translation>L’organigramme n’a aucun poste.</translation>
    </message>
    <message>
        <source>Print the chart</source>
        <translation>Imprimer l’organigramme</translation>
    </message>
    <message>
        <source>The agency shows no position: expand its cards first.</source>
        <translation>L’agence n’affiche aucun poste&#xa0;: dépliez d’abord ses cartes.</translation>
    </message>
    <message>
        <source>Cannot print</source>
        <translation>Impossible d’imprimer</translation>
    </message>
    <message>
        <source>No agency selected</source>
        <translation>Aucune agence sélectionnée</translation>
    </message>
    <message>
        <source>Select the header of an agency or one of its cards.</source>
        <translation>Sélectionnez l’en-tête d’une agence ou l’une de ses cartes.</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Image PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>Dessin SVG (*.svg)</translation>
    </message>
    <message>
        <source>Export the view as image</source>
        <translation>Exporter la vue en image</translation>
    </message>
    <message>
        <source>Export the agency as image</source>
        <translation>Exporter l’agence en image</translation>
    </message>
    <message>
        <source>Nothing to export</source>
        <translation>Rien à exporter</translation>
    </message>
    <message>
        <source>Cannot export the image</source>
        <translation>Impossible d’exporter l’image</translation>
    </message>
    <message>
        <source>{file} could not be written: {reason}</source>
        <translation>{file} n’a pas pu être écrit&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>FindingsPanel</name>
    <message>
        <source>Filter findings (rule, text)</source>
        <translation>Filtrer les constats (règle, texte)</translation>
    </message>
</context>
<context>
    <name>FindingsTree</name>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import an HR extract</source>
        <translation>Importer un extrait RH</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Aucun fichier choisi</translation>
    </message>
    <message>
        <source>Choose a &amp;file…</source>
        <translation>Choisir un &amp;fichier…</translation>
    </message>
    <message>
        <source>Job title</source>
        <translation>Intitulé de poste</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>Postes</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>&amp;Save the mapping…</source>
        <translation>&amp;Enregistrer la correspondance…</translation>
    </message>
    <message>
        <source>&amp;Load a mapping…</source>
        <translation>&amp;Charger une correspondance…</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Feuille&#xa0;:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>Job titles and roles</source>
        <translation>Intitulés de poste et fonctions</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Problèmes</translation>
    </message>
    <message>
        <source>Scenario name:</source>
        <translation>Nom du scénario&#xa0;:</translation>
    </message>
    <message>
        <source>HR extracts (*.csv *.xlsx *.txt);;All files (*)</source>
        <translation>Extraits RH (*.csv *.xlsx *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Cannot read the file</source>
        <translation>Impossible de lire le fichier</translation>
    </message>
    <message>
        <source>Save the mapping</source>
        <translation>Enregistrer la correspondance</translation>
    </message>
    <message>
        <source>Mapping (*.json)</source>
        <translation>Correspondance (*.json)</translation>
    </message>
    <message>
        <source>Cannot save the mapping</source>
        <translation>Impossible d’enregistrer la correspondance</translation>
    </message>
    <message>
        <source>Load a mapping</source>
        <translation>Charger une correspondance</translation>
    </message>
    <message>
        <source>Cannot use the mapping</source>
        <translation>Correspondance inutilisable</translation>
    </message>
    <message>
        <source>No header row found.</source>
        <translation>Aucune ligne d’en-tête trouvée.</translation>
    </message>
    <message>
        <source>Sheet “{sheet}”, header on line {line}: the first rows under it.</source>
        <translation>Feuille «&#xa0;{sheet}&#xa0;», en-tête ligne {line}&#xa0;: les premières lignes en dessous.</translation>
    </message>
    <message>
        <source>Header on line {line}: the first rows under it.</source>
        <translation>En-tête ligne {line}&#xa0;: les premières lignes en dessous.</translation>
    </message>
    <message>
        <source>(not read)</source>
        <translation>(aucune colonne)</translation>
    </message>
    <message>
        <source>No keyword matched this job title: it is imported as “Other position” until you choose its role.</source>
        <translation>Aucun mot-clé ne correspond à cet intitulé&#xa0;: il est importé en «&#xa0;Autre poste&#xa0;» tant que vous ne lui choisissez pas de rôle.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read</source>
        <translation>
            <numerusform>%n ligne lue</numerusform>
            <numerusform>%n lignes lues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n blocking problem(s), in red: correct the file or the choices above</source>
        <translation>
            <numerusform>%n problème bloquant, en rouge&#xa0;: corrigez le fichier ou les choix ci-dessus</numerusform>
            <numerusform>%n problèmes bloquants, en rouge&#xa0;: corrigez le fichier ou les choix ci-dessus</numerusform>
        </translation>
    </message>
    <message>
        <source>the first {shown} of {count} problems are listed</source>
        <translation>seuls les {shown} premiers des {count} problèmes sont listés</translation>
    </message>
    <message>
        <source>Agencies created: {names}</source>
        <translation>Agences créées&#xa0;: {names}</translation>
    </message>
    <message>
        <source>Agencies of the project: {names}</source>
        <translation>Agences du projet&#xa0;: {names}</translation>
    </message>
    <message>
        <source>Give the scenario a name.</source>
        <translation>Donnez un nom au scénario.</translation>
    </message>
    <message>
        <source>A scenario is already named “{name}”.</source>
        <translation>Un scénario s’appelle déjà «&#xa0;{name}&#xa0;».</translation>
    </message>
    <message>
        <source>Employee id</source>
        <translation>Matricule</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role code</source>
        <translation>Code fonction</translation>
    </message>
    <message>
        <source>Manager&apos;s employee id</source>
        <translation>Matricule du responsable</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agence</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>ETP</translation>
    </message>
    <message>
        <source>Family (other posts)</source>
        <translation>Famille (autres postes)</translation>
    </message>
    <message>
        <source>Guarding (contractors)</source>
        <translation>Gardiennage (prestataires)</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
</context>
<context>
    <name>InlineEditor</name>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Holder (empty: vacant)</source>
        <translation>Titulaire (vide&#xa0;: poste vacant)</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>Family not chosen</source>
        <translation>Famille non choisie</translation>
    </message>
    <message>
        <source>Vacant post (dashed outline)</source>
        <translation>Poste vacant (contour en pointillés)</translation>
    </message>
    <message>
        <source>Families</source>
        <translation>Familles</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Liens</translation>
    </message>
    <message>
        <source>Posts</source>
        <translation>Postes</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
</context>
<context>
    <name>LockQuestion</name>
    <message>
        <source>Project already open</source>
        <translation>Projet déjà ouvert</translation>
    </message>
    <message>
        <source>This project is open by {user} on {host} since {since}.</source>
        <translation>Ce projet est ouvert par {user} sur {host} depuis {since}.</translation>
    </message>
    <message>
        <source>OrgDesigner cannot check from here whether it is still open on that computer.</source>
        <translation>OrgDesigner ne peut pas vérifier d’ici s’il est encore ouvert sur cet ordinateur-là.</translation>
    </message>
    <message>
        <source>This project may be open in another OrgDesigner (its lock file, written on {since}, cannot be read).</source>
        <translation>Ce projet est peut-être ouvert dans un autre OrgDesigner (son fichier de verrou, écrit le {since}, est illisible).</translation>
    </message>
    <message>
        <source>If you both save, the last one to save overwrites the other&apos;s work.</source>
        <translation>Si vous enregistrez tous les deux, le dernier à enregistrer remplace le travail de l’autre.</translation>
    </message>
    <message>
        <source>Open &amp;read-only</source>
        <translation>Ouvrir en &amp;lecture seule</translation>
    </message>
    <message>
        <source>Open &amp;anyway</source>
        <translation>Ouvrir &amp;quand même</translation>
    </message>
    <message>
        <source>Saving replaces the file under them: if they save later, their version replaces yours.</source>
        <translation>Enregistrer remplace le fichier que cette personne a ouvert&#xa0;: si elle enregistre ensuite, sa version remplacera la vôtre.</translation>
    </message>
    <message>
        <source>&amp;Save anyway</source>
        <translation>&amp;Enregistrer quand même</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Scenarios</source>
        <translation>Scénarios</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Fonctions</translation>
    </message>
    <message>
        <source>Properties</source>
        <translation>Propriétés</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agence</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constats</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Ouvrir…</translation>
    </message>
    <message>
        <source>Open the &amp;demo project</source>
        <translation>Ouvrir le projet de &amp;démonstration</translation>
    </message>
    <message>
        <source>Open a shared repositor&amp;y…</source>
        <translation>Ouvrir un ré&amp;férentiel partagé…</translation>
    </message>
    <message>
        <source>&amp;Import scenario JSON…</source>
        <translation>&amp;Importer un scénario JSON…</translation>
    </message>
    <message>
        <source>Import an &amp;HR extract…</source>
        <translation>Importer un extrait R&amp;H…</translation>
    </message>
    <message>
        <source>&amp;Export scenario JSON…</source>
        <translation>E&amp;xporter le scénario en JSON…</translation>
    </message>
    <message>
        <source>Export the &amp;view as image…</source>
        <translation>Exporter la &amp;vue en image…</translation>
    </message>
    <message>
        <source>Export the a&amp;gency as image…</source>
        <translation>Exporter l’a&amp;gence en image…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Exporter en &amp;PDF…</translation>
    </message>
    <message>
        <source>Prin&amp;t…</source>
        <translation>Impri&amp;mer…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Enregistrer &amp;sous…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Co&amp;uper</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>C&amp;oller</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>Dupli&amp;quer</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>Rech&amp;ercher…</translation>
    </message>
    <message>
        <source>&amp;Fit all</source>
        <translation>&amp;Tout afficher</translation>
    </message>
    <message>
        <source>Fit &amp;selection</source>
        <translation>Afficher la &amp;sélection</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Lay out</source>
        <translation>&amp;Disposition automatique</translation>
    </message>
    <message>
        <source>Scenario &amp;parameters…</source>
        <translation>&amp;Paramètres du scénario…</translation>
    </message>
    <message>
        <source>&amp;Edit the position</source>
        <translation>&amp;Modifier le poste</translation>
    </message>
    <message>
        <source>&amp;Collapse or expand</source>
        <translation>Replier ou dé&amp;plier</translation>
    </message>
    <message>
        <source>E&amp;xpand all</source>
        <translation>Tout &amp;déplier</translation>
    </message>
    <message>
        <source>Co&amp;mpare scenarios…</source>
        <translation>Co&amp;mparer des scénarios…</translation>
    </message>
    <message>
        <source>Lay out the &amp;agency</source>
        <translation>Disposition de l’&amp;agence</translation>
    </message>
    <message>
        <source>New links: &amp;hierarchical</source>
        <translation>Nouveaux liens&#xa0;: &amp;hiérarchiques</translation>
    </message>
    <message>
        <source>New links: &amp;dotted (functional)</source>
        <translation>Nouveaux liens&#xa0;: &amp;fonctionnels (pointillés)</translation>
    </message>
    <message>
        <source>New links: &amp;contract</source>
        <translation>Nouveaux liens&#xa0;: de &amp;pilotage de prestataire</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Chart</source>
        <translation>&amp;Organigramme</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre d’outils principale</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>Scénario&#xa0;:</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;à l’ouverture&gt;</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>sans titre</translation>
    </message>
    <message numerus="yes">
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n constat</numerusform>
            <numerusform>%n constats</numerusform>
        </translation>
    </message>
    <message>
        <source>{file} (read-only)</source>
        <translation>{file} (lecture seule)</translation>
    </message>
    <message>
        <source>The recovery copy of your work could not be written: {reason}</source>
        <translation>La copie de secours de votre travail n’a pas pu être écrite&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Cannot recover the work</source>
        <translation>Impossible de récupérer le travail</translation>
    </message>
    <message>
        <source>These two positions are already linked so.</source>
        <translation>Ces deux postes sont déjà liés de cette façon.</translation>
    </message>
    <message>
        <source>The clipboard holds no positions to paste ({problem})</source>
        <translation>Le presse-papiers ne contient aucun poste à coller ({problem})</translation>
    </message>
    <message>
        <source>Select a card or the header of the agency to lay out.</source>
        <translation>Sélectionnez une carte ou l’en-tête de l’agence à disposer.</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <source>Name of the organisation:</source>
        <translation>Nom de l’organisme&#xa0;:</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>Impossible de créer le projet</translation>
    </message>
    <message>
        <source>Import a scenario</source>
        <translation>Importer un scénario</translation>
    </message>
    <message>
        <source>Cannot import the scenario</source>
        <translation>Impossible d’importer le scénario</translation>
    </message>
    <message>
        <source>Cannot import the extract</source>
        <translation>Impossible d’importer l’extrait</translation>
    </message>
    <message>
        <source>Export the scenario</source>
        <translation>Exporter le scénario</translation>
    </message>
    <message>
        <source>Cannot export the scenario</source>
        <translation>Impossible d’exporter le scénario</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>Cannot export the PDF</source>
        <translation>Impossible d’exporter le PDF</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) written to {file}</source>
        <translation>
            <numerusform>%n page écrite dans {file}</numerusform>
            <numerusform>%n pages écrites dans {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a project</source>
        <translation>Ouvrir un projet</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Impossible d’ouvrir le projet</translation>
    </message>
    <message>
        <source>Project upgraded</source>
        <translation>Projet mis à jour</translation>
    </message>
    <message>
        <source>This project was written by an older version of OrgDesigner and has been upgraded to this version&apos;s format. The file as it was is kept beside it: {backup}</source>
        <translation>Ce projet a été écrit par une version antérieure d’OrgDesigner et a été converti au format de cette version. Le fichier tel qu’il était est conservé à côté&#xa0;: {backup}</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Connexion perdue</translation>
    </message>
    <message>
        <source>The connection to the server is lost; your changes are kept in the window and in a recovery file. Try saving again when the server can be reached.</source>
        <translation>La connexion au serveur est perdue&#xa0;; vos modifications sont conservées dans la fenêtre et dans un fichier de récupération. Réessayez d’enregistrer quand le serveur sera de nouveau joignable.</translation>
    </message>
    <message>
        <source>Save the project as</source>
        <translation>Enregistrer le projet sous</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Impossible d’enregistrer</translation>
    </message>
    <message>
        <source>Your work is still open: save it elsewhere.</source>
        <translation>Votre travail est toujours ouvert&#xa0;: enregistrez-le ailleurs.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>Save the changes to this project first?</source>
        <translation>Enregistrer d’abord les modifications de ce projet&#xa0;?</translation>
    </message>
</context>
<context>
    <name>NoticesPanel</name>
    <message>
        <source>Every change to the guarding of an ensemble subject to the obligation must be put to the tenant consultation council (CSI R271-3).</source>
        <translation>Tout changement du gardiennage d’un ensemble soumis à l’obligation doit être soumis au conseil de concertation locative (CSI R271-3).</translation>
    </message>
    <message>
        <source>No ensemble subject to the guarding obligation changes its guarding: nothing to put to the tenant consultation council.</source>
        <translation>Aucun ensemble soumis à l’obligation de gardiennage ne change de gardiennage&#xa0;: rien à soumettre au conseil de concertation locative.</translation>
    </message>
</context>
<context>
    <name>OtherChangesList</name>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Ce qui change</translation>
    </message>
</context>
<context>
    <name>ParametersDialog</name>
    <message>
        <source>Scenario parameters</source>
        <translation>Paramètres du scénario</translation>
    </message>
    <message>
        <source>default: {value}</source>
        <translation>par défaut&#xa0;: {value}</translation>
    </message>
    <message>
        <source>(working assumption)</source>
        <translation>(hypothèse de travail)</translation>
    </message>
    <message>
        <source>No published norm sets this limit: it is a working assumption, and reports say so.</source>
        <translation>Aucune norme publiée ne fixe cette limite&#xa0;: c’est une hypothèse de travail, et les rapports le signalent.</translation>
    </message>
    <message>
        <source>Headcount counted in</source>
        <translation>Effectif compté en</translation>
    </message>
    <message>
        <source>Management model 1: headcount below</source>
        <translation>Modèle de management 1&#xa0;: effectif inférieur à</translation>
    </message>
    <message>
        <source>Management model 2: headcount up to</source>
        <translation>Modèle de management 2&#xa0;: effectif jusqu’à</translation>
    </message>
    <message>
        <source>Management model 3: headcount above</source>
        <translation>Modèle de management 3&#xa0;: effectif supérieur à</translation>
    </message>
    <message>
        <source>Most direct reports of a manager</source>
        <translation>Nombre maximal de collaborateurs directs d’un manager</translation>
    </message>
    <message>
        <source>Most site staff under a sector manager</source>
        <translation>Nombre maximal de personnels de site par responsable de secteur</translation>
    </message>
    <message>
        <source>Guarding: dwellings per FTE</source>
        <translation>Gardiennage&#xa0;: logements par ETP</translation>
    </message>
    <message>
        <source>Guarding: a started block of dwellings</source>
        <translation>Gardiennage&#xa0;: une tranche de logements entamée</translation>
    </message>
    <message>
        <source>positions (vacant posts included)</source>
        <translation>postes (postes vacants compris)</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>ETP</translation>
    </message>
    <message>
        <source>does not count (whole blocks)</source>
        <translation>ne compte pas (tranches complètes)</translation>
    </message>
    <message>
        <source>counts (stricter)</source>
        <translation>compte (plus exigeant)</translation>
    </message>
</context>
<context>
    <name>PdfExportDialog</name>
    <message>
        <source>Export PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>Landscape</source>
        <translation>Paysage</translation>
    </message>
    <message>
        <source>Portrait</source>
        <translation>Portrait</translation>
    </message>
    <message>
        <source>Fit on one page (tiles when too small to read)</source>
        <translation>Ajuster sur une page (en tuiles si trop petit pour être lu)</translation>
    </message>
    <message>
        <source>Tiles to assemble</source>
        <translation>Tuiles à assembler</translation>
    </message>
    <message>
        <source>One page per agency</source>
        <translation>Une page par agence</translation>
    </message>
    <message>
        <source>Number the findings on the chart and list them</source>
        <translation>Numéroter les constats sur l’organigramme et les lister</translation>
    </message>
    <message>
        <source>The whole scenario, head office included</source>
        <translation>Tout le scénario, siège compris</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Mise en page</translation>
    </message>
    <message>
        <source>Overlap of tiles</source>
        <translation>Recouvrement des tuiles</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Tick at least one agency, or the whole scenario.</source>
        <translation>Cochez au moins une agence, ou tout le scénario.</translation>
    </message>
    <message numerus="yes">
        <source>%n chart page(s)</source>
        <translation>
            <numerusform>%n page d’organigramme</numerusform>
            <numerusform>%n pages d’organigramme</numerusform>
        </translation>
    </message>
    <message>
        <source>on one page its text would be smaller than 6 pt, so the chart is cut into tiles to assemble</source>
        <translation>sur une seule page, le texte ferait moins de 6 pt&#xa0;: l’organigramme est découpé en tuiles à assembler</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>System language ({language})</source>
        <translation>Langue du système ({language})</translation>
    </message>
    <message>
        <source>The new language will be used the next time OrgDesigner starts.</source>
        <translation>La nouvelle langue sera utilisée au prochain démarrage d’OrgDesigner.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>ProjectChooser</name>
    <message>
        <source>Projects of {address}</source>
        <translation>Projets de {address}</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Scénarios</translation>
    </message>
    <message>
        <source>Last saved</source>
        <translation>Dernier enregistrement</translation>
    </message>
    <message>
        <source>{when} by {who}</source>
        <translation>{when} par {who}</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>&amp;Nouveau projet…</translation>
    </message>
    <message>
        <source>This repository holds no project you may open yet.</source>
        <translation>Ce référentiel ne contient encore aucun projet que vous puissiez ouvrir.</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nouveau projet</translation>
    </message>
    <message>
        <source>Name of the organisation:</source>
        <translation>Nom de l’organisme&#xa0;:</translation>
    </message>
</context>
<context>
    <name>PropertiesPanel</name>
    <message>
        <source>Select one position to see its properties.</source>
        <translation>Sélectionnez un poste pour voir ses propriétés.</translation>
    </message>
    <message>
        <source>Vacant post</source>
        <translation>Poste vacant</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Intitulé</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Titulaire</translation>
    </message>
    <message>
        <source>FTE</source>
        <translation>ETP</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Site</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>RecentFiles</name>
    <message>
        <source>No recent files</source>
        <translation>Aucun fichier récent</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>Effacer la liste</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Recover unsaved work</source>
        <translation>Récupérer le travail non enregistré</translation>
    </message>
    <message>
        <source>OrgDesigner was closed without saving this work (a crash, a power cut, or the program was stopped). Recover it to go on where you were.</source>
        <translation>OrgDesigner a été fermé sans enregistrer ce travail (plantage, coupure de courant ou programme arrêté). Récupérez-le pour reprendre là où vous en étiez.</translation>
    </message>
    <message>
        <source>&amp;Recover</source>
        <translation>&amp;Récupérer</translation>
    </message>
    <message>
        <source>&amp;Ignore</source>
        <translation>&amp;Ignorer</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <source>project {file}</source>
        <translation>projet {file}</translation>
    </message>
    <message>
        <source>shared repository {address}</source>
        <translation>dépôt partagé {address}</translation>
    </message>
    <message>
        <source>new project, never saved</source>
        <translation>nouveau projet, jamais enregistré</translation>
    </message>
    <message>
        <source>Saved on {when}: {organisation}, {where}</source>
        <translation>Enregistré le {when}&#xa0;: {organisation}, {where}</translation>
    </message>
    <message numerus="yes">
        <source>{scenario}: %n position(s)</source>
        <translation>
            <numerusform>{scenario}&#xa0;: %n poste</numerusform>
            <numerusform>{scenario}&#xa0;: %n postes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved edit(s)</source>
        <translation>
            <numerusform>%n modification non enregistrée</numerusform>
            <numerusform>%n modifications non enregistrées</numerusform>
        </translation>
    </message>
    <message>
        <source>from {user} on {host}</source>
        <translation>de {user} sur {host}</translation>
    </message>
    <message>
        <source>Delete the unsaved work</source>
        <translation>Supprimer le travail non enregistré</translation>
    </message>
    <message>
        <source>Delete this work for good? It cannot be recovered afterwards.</source>
        <translation>Supprimer définitivement ce travail&#xa0;? Il ne pourra plus être récupéré.</translation>
    </message>
    <message>
        <source>Cannot delete the unsaved work</source>
        <translation>Impossible de supprimer le travail non enregistré</translation>
    </message>
</context>
<context>
    <name>RolePalette</name>
    <message>
        <source>Filter roles (name or code)</source>
        <translation>Filtrer les fonctions (nom ou code)</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autres</translation>
    </message>
    <message>
        <source>family chosen on each position</source>
        <translation>famille choisie sur chaque poste</translation>
    </message>
</context>
<context>
    <name>ScenarioPairDialog</name>
    <message>
        <source>Compare scenarios</source>
        <translation>Comparer des scénarios</translation>
    </message>
    <message>
        <source>S&amp;wap</source>
        <translation>&amp;Inverser</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Comparer</translation>
    </message>
    <message>
        <source>Source (existing):</source>
        <translation>Existant (source)&#xa0;:</translation>
    </message>
    <message>
        <source>Target (proposed):</source>
        <translation>Cible (proposée)&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ScenariosPanel</name>
    <message>
        <source>&amp;New…</source>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <source>D&amp;uplicate…</source>
        <translation>D&amp;upliquer…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Add an empty scenario</source>
        <translation>Ajouter un scénario vide</translation>
    </message>
    <message>
        <source>Copy the selected scenario as it stands, unsaved changes included</source>
        <translation>Copier le scénario sélectionné tel quel, modifications non enregistrées comprises</translation>
    </message>
    <message>
        <source>Rename the selected scenario (F2)</source>
        <translation>Renommer le scénario sélectionné (F2)</translation>
    </message>
    <message>
        <source>Delete the selected scenario (Delete)</source>
        <translation>Supprimer le scénario sélectionné (Suppr)</translation>
    </message>
    <message>
        <source>New scenario</source>
        <translation>Nouveau scénario</translation>
    </message>
    <message>
        <source>Name of the new, empty scenario:</source>
        <translation>Nom du nouveau scénario (vide)&#xa0;:</translation>
    </message>
    <message>
        <source>Cannot add the scenario</source>
        <translation>Impossible d’ajouter le scénario</translation>
    </message>
    <message>
        <source>Duplicate the scenario</source>
        <translation>Dupliquer le scénario</translation>
    </message>
    <message>
        <source>Name of the copy of “{name}”:</source>
        <translation>Nom de la copie de «&#xa0;{name}&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>{name} (copy)</source>
        <translation>{name} (copie)</translation>
    </message>
    <message>
        <source>Cannot duplicate the scenario</source>
        <translation>Impossible de dupliquer le scénario</translation>
    </message>
    <message>
        <source>Rename the scenario</source>
        <translation>Renommer le scénario</translation>
    </message>
    <message>
        <source>New name of “{name}”:</source>
        <translation>Nouveau nom de «&#xa0;{name}&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <source>Cannot rename the scenario</source>
        <translation>Impossible de renommer le scénario</translation>
    </message>
    <message>
        <source>Delete the scenario</source>
        <translation>Supprimer le scénario</translation>
    </message>
    <message>
        <source>Delete the scenario “{name}” with its changes? This cannot be undone; the project file keeps it until you save.</source>
        <translation>Supprimer le scénario «&#xa0;{name}&#xa0;» et ses modifications&#xa0;? Cette suppression ne peut pas être annulée&#xa0;; le fichier du projet le conserve jusqu’au prochain enregistrement.</translation>
    </message>
    <message>
        <source>Cannot delete the scenario</source>
        <translation>Impossible de supprimer le scénario</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Find a holder, title or role</source>
        <translation>Rechercher un titulaire, un intitulé ou une fonction</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Résultat précédent (Maj+Entrée, Maj+F3)</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Résultat suivant (Entrée, F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Aucun résultat</translation>
    </message>
</context>
<context>
    <name>SharedSession</name>
    <message>
        <source>Cannot open the repository</source>
        <translation>Impossible d’ouvrir le référentiel</translation>
    </message>
    <message>
        <source>Password for {address}:</source>
        <translation>Mot de passe pour {address}&#xa0;:</translation>
    </message>
    <message>
        <source>The server refused this password.</source>
        <translation>Le serveur a refusé ce mot de passe.</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Cannot create the project</source>
        <translation>Impossible de créer le projet</translation>
    </message>
    <message>
        <source>Cannot open the project</source>
        <translation>Impossible d’ouvrir le projet</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>Impossible d’enregistrer</translation>
    </message>
    <message>
        <source>Your work is still open: save it again later, or as a file (File &gt; Save as).</source>
        <translation>Votre travail est toujours ouvert&#xa0;: enregistrez-le de nouveau plus tard, ou dans un fichier (Fichier &gt; Enregistrer sous).</translation>
    </message>
    <message>
        <source>Save conflict</source>
        <translation>Conflit d’enregistrement</translation>
    </message>
    <message>
        <source>Nothing has been saved.</source>
        <translation>Rien n’a été enregistré.</translation>
    </message>
    <message>
        <source>&amp;Reload their version</source>
        <translation>&amp;Recharger leur version</translation>
    </message>
    <message>
        <source>&amp;Save mine as a new scenario</source>
        <translation>&amp;Enregistrer la mienne comme nouveau scénario</translation>
    </message>
    <message>
        <source>Discard your changes to “{name}” and reload the saved version?</source>
        <translation>Abandonner vos modifications de «&#xa0;{name}&#xa0;» et recharger la version enregistrée&#xa0;?</translation>
    </message>
    <message>
        <source>Reload their version</source>
        <translation>Recharger leur version</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Quelqu’un</translation>
    </message>
    <message>
        <source>Someone deleted or renamed the scenario “{name}” since you opened it.</source>
        <translation>Quelqu’un a supprimé ou renommé le scénario «&#xa0;{name}&#xa0;» depuis que vous l’avez ouvert.</translation>
    </message>
    <message>
        <source>{who} added a scenario named “{name}” ({when}) since you opened the project.</source>
        <translation>{who} a ajouté un scénario nommé «&#xa0;{name}&#xa0;» ({when}) depuis que vous avez ouvert le projet.</translation>
    </message>
    <message>
        <source>{who} saved the scenario “{name}” ({when}) since you opened it, and you deleted it.</source>
        <translation>{who} a enregistré le scénario «&#xa0;{name}&#xa0;» ({when}) depuis que vous l’avez ouvert, et vous l’avez supprimé.</translation>
    </message>
    <message>
        <source>{who} saved the scenario “{name}” ({when}) since you opened it.</source>
        <translation>{who} a enregistré le scénario «&#xa0;{name}&#xa0;» ({when}) depuis que vous l’avez ouvert.</translation>
    </message>
    <message>
        <source>{name} (my changes)</source>
        <translation>{name} (mes modifications)</translation>
    </message>
    <message>
        <source>Save mine as a new scenario</source>
        <translation>Enregistrer la mienne comme nouveau scénario</translation>
    </message>
    <message>
        <source>Name of the new scenario:</source>
        <translation>Nom du nouveau scénario&#xa0;:</translation>
    </message>
</context>
</TS>
