<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ActionsTable</name>
    <message>
        <source>Action (English)</source>
        <translation>Action (anglais)</translation>
    </message>
    <message>
        <source>Action (French)</source>
        <translation>Action (français)</translation>
    </message>
    <message>
        <source>Owner (EN)</source>
        <translation>Responsable (EN)</translation>
    </message>
    <message>
        <source>Owner (FR)</source>
        <translation>Responsable (FR)</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Source (EN)</source>
        <translation>Source (EN)</translation>
    </message>
    <message>
        <source>Source (FR)</source>
        <translation>Source (FR)</translation>
    </message>
    <message>
        <source>Follow-up actions of the topic</source>
        <translation>Actions de suivi du sujet</translation>
    </message>
    <message>
        <source>Add action</source>
        <translation>Ajouter une action</translation>
    </message>
    <message>
        <source>Delete action</source>
        <translation>Supprimer l’action</translation>
    </message>
    <message>
        <source>Translate action owner</source>
        <translation>Traduire le responsable de l’action</translation>
    </message>
    <message>
        <source>Translate action source</source>
        <translation>Traduire la source de l’action</translation>
    </message>
    <message>
        <source>Status of the action</source>
        <translation>État de l’action</translation>
    </message>
    <message>
        <source>Change action status</source>
        <translation>Modifier l’état de l’action</translation>
    </message>
    <message>
        <source>Owner of the action, in French</source>
        <translation>Responsable de l’action, en français</translation>
    </message>
    <message>
        <source>Source of the action, in French</source>
        <translation>Source de l’action, en français</translation>
    </message>
    <message>
        <source>Edit action</source>
        <translation>Modifier l’action</translation>
    </message>
    <message>
        <source>Change action owner</source>
        <translation>Modifier le responsable de l’action</translation>
    </message>
    <message>
        <source>“%1” is not a date; write it as 2024-06-13.</source>
        <translation>«&#x202f;%1&#x202f;» n’est pas une date&#x202f;; écrivez-la sous la forme 2024-06-13.</translation>
    </message>
    <message>
        <source>Change deadline</source>
        <translation>Modifier l’échéance</translation>
    </message>
    <message>
        <source>Change action source</source>
        <translation>Modifier la source de l’action</translation>
    </message>
    <message>
        <source>New action</source>
        <translation>Nouvelle action</translation>
    </message>
</context>
<context>
    <name>AgendaEditing</name>
    <message>
        <source>Add agenda item</source>
        <translation>Ajouter un point à l’ordre du jour</translation>
    </message>
    <message>
        <source>Title of the agenda item (English):</source>
        <translation>Titre du point (anglais)&#xa0;:</translation>
    </message>
    <message>
        <source>Remove agenda item</source>
        <translation>Retirer le point</translation>
    </message>
    <message>
        <source>Rename agenda item</source>
        <translation>Renommer le point de l’ordre du jour</translation>
    </message>
    <message>
        <source>Reorder agenda</source>
        <translation>Réordonner l’ordre du jour</translation>
    </message>
    <message>
        <source>Add topic to agenda item</source>
        <translation>Ajouter un sujet au point</translation>
    </message>
    <message>
        <source>Add topics to agenda item</source>
        <translation>Ajouter des sujets au point de l’ordre du jour</translation>
    </message>
    <message>
        <source>“%1” is already on agenda item %2, “%3”: it will be in the pack twice.</source>
        <translation>«&#x202f;%1&#x202f;» figure déjà au point %2, «&#x202f;%3&#x202f;»&#xa0;: il sera deux fois dans le dossier.</translation>
    </message>
    <message>
        <source>Reorder topics</source>
        <translation>Réordonner les sujets</translation>
    </message>
    <message>
        <source>Remove topic from agenda item</source>
        <translation>Retirer le sujet du point de l’ordre du jour</translation>
    </message>
    <message>
        <source>Reorder items</source>
        <translation>Réordonner les éléments</translation>
    </message>
    <message>
        <source>Include item</source>
        <translation>Inclure l’élément</translation>
    </message>
    <message>
        <source>Exclude item</source>
        <translation>Exclure l’élément</translation>
    </message>
    <message>
        <source>Include items</source>
        <translation>Inclure les éléments</translation>
    </message>
    <message>
        <source>Exclude items</source>
        <translation>Exclure les éléments</translation>
    </message>
    <message>
        <source>Mark French reviewed</source>
        <translation>Marquer le français comme relu</translation>
    </message>
</context>
<context>
    <name>AgendaMenus</name>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Remove agenda item</source>
        <translation>Retirer le point</translation>
    </message>
    <message>
        <source>Remove topic “%1” from this agenda item</source>
        <translation>Retirer le sujet «&#x202f;%1&#x202f;» de ce point</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Leave the topic&apos;s items out of the pack</source>
        <translation>Retirer du dossier les éléments du sujet</translation>
    </message>
    <message>
        <source>Put all the topic&apos;s items in the pack</source>
        <translation>Mettre tous les éléments du sujet dans le dossier</translation>
    </message>
    <message>
        <source>Mark French reviewed</source>
        <translation>Marquer le français comme relu</translation>
    </message>
    <message>
        <source>The items whose French is up to date; open the others to review them</source>
        <translation>Les éléments dont le français est à jour&#xa0;; ouvrez les autres pour les relire</translation>
    </message>
    <message>
        <source>Open in the topic editor</source>
        <translation>Ouvrir dans l’éditeur de sujet</translation>
    </message>
    <message>
        <source>Leave out of the pack</source>
        <translation>Retirer du dossier</translation>
    </message>
    <message>
        <source>Put in the pack</source>
        <translation>Mettre dans le dossier</translation>
    </message>
    <message>
        <source>Open the item to see what changed in the English first</source>
        <translation>Ouvrez d’abord l’élément pour voir ce qui a changé dans l’anglais</translation>
    </message>
    <message>
        <source>Add “%1” to agenda item</source>
        <translation>Ajouter «&#x202f;%1&#x202f;» à un point</translation>
    </message>
    <message>
        <source>No other agenda item</source>
        <translation>Aucun autre point de l’ordre du jour</translation>
    </message>
    <message>
        <source>No topic on this agenda item</source>
        <translation>Aucun sujet sur ce point de l’ordre du jour</translation>
    </message>
</context>
<context>
    <name>BackupCommands</name>
    <message>
        <source>Back up</source>
        <translation>Sauvegarder</translation>
    </message>
    <message>
        <source>The library was backed up to %1.</source>
        <translation>La bibliothèque a été sauvegardée dans %1.</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <source>%1 (%2 KB)</source>
        <translation>%1 (%2&#xa0;Ko)</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>Backup to restore:</source>
        <translation>Sauvegarde à restaurer&#xa0;:</translation>
    </message>
    <message>
        <source>Libraries (*.sqlite)</source>
        <translation>Bibliothèques (*.sqlite)</translation>
    </message>
    <message>
        <source>Replace everything in the library with the backup %1? The library as it is now is kept among the automatic backups, and the undo history is cleared.</source>
        <translation>Remplacer tout le contenu de la bibliothèque par la sauvegarde %1&#xa0;? La bibliothèque telle qu’elle est maintenant est conservée parmi les sauvegardes automatiques, et l’historique des annulations est effacé.</translation>
    </message>
    <message>
        <source>The library was restored from %1.</source>
        <translation>La bibliothèque a été restaurée à partir de %1.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Someone else changed this text</source>
        <translation>Quelqu’un d’autre a modifié ce texte</translation>
    </message>
    <message>
        <source>While you were editing this text ({language}), someone else saved another version. Nothing has been overwritten. Keep their version, keep yours, or edit yours into a merge and save it.</source>
        <translation>Pendant que vous modifiiez ce texte ({language}), quelqu’un d’autre en a enregistré une autre version. Rien n’a été écrasé. Gardez leur version, la vôtre, ou fusionnez les deux dans la vôtre et enregistrez-la.</translation>
    </message>
    <message>
        <source>(They removed this text.)</source>
        <translation>(Ce texte a été supprimé de leur côté.)</translation>
    </message>
    <message>
        <source>Their version</source>
        <translation>Leur version</translation>
    </message>
    <message>
        <source>Your version, to edit into a merge</source>
        <translation>Votre version, à modifier pour fusionner</translation>
    </message>
    <message>
        <source>Their version (saved in the library)</source>
        <translation>Leur version (enregistrée dans la bibliothèque)</translation>
    </message>
    <message>
        <source>&amp;Your version (edit it to merge)</source>
        <translation>&amp;Votre version (modifiez-la pour fusionner)</translation>
    </message>
    <message>
        <source>Keep &amp;theirs</source>
        <translation>Garder la &amp;leur</translation>
    </message>
    <message>
        <source>Keep &amp;mine</source>
        <translation>Garder la &amp;mienne</translation>
    </message>
    <message>
        <source>&amp;Save the merged text</source>
        <translation>&amp;Enregistrer le texte fusionné</translation>
    </message>
</context>
<context>
    <name>DateDelegate</name>
    <message>
        <source>Deadline</source>
        <translation>Échéance</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Briefing</source>
        <translation>Briefing</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Exemplaire</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Word template</source>
        <translation>Modèle Word</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <source>When done</source>
        <translation>Une fois terminé</translation>
    </message>
    <message>
        <source>House style (no template)</source>
        <translation>Style maison (sans modèle)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Converting to PDF with LibreOffice… Cancel stops it.</source>
        <translation>Conversion en PDF par LibreOffice… Annuler l’interrompt.</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Open the file</source>
        <translation>Ouvrir le fichier</translation>
    </message>
    <message>
        <source>Show the folder</source>
        <translation>Afficher le dossier</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>Progression de l’export</translation>
    </message>
    <message>
        <source>Word document (.docx)</source>
        <translation>Document Word (.docx)</translation>
    </message>
    <message>
        <source>Excel workbook (.xlsx)</source>
        <translation>Classeur Excel (.xlsx)</translation>
    </message>
    <message>
        <source>PDF through LibreOffice (.pdf)</source>
        <translation>PDF par LibreOffice (.pdf)</translation>
    </message>
    <message>
        <source>Word documents (*.docx *.dotx)</source>
        <translation>Documents Word (*.docx *.dotx)</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Documents Word (*.docx)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>Pack written to %1.</source>
        <translation>Dossier enregistré dans %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n texts are in the source language, marked as untranslated.</source>
        <translation>
            <numerusform>%n texte est dans la langue source, signalé comme non traduit.</numerusform>
            <numerusform>%n textes sont dans la langue source, signalés comme non traduits.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written.</source>
        <translation>Export annulé&#x202f;; rien n’a été écrit.</translation>
    </message>
    <message numerus="yes">
        <source>%n texts of this pack have no up-to-date translation.</source>
        <translation>
            <numerusform>%n texte de ce dossier n’a pas de traduction à jour.</numerusform>
            <numerusform>%n textes de ce dossier n’ont pas de traduction à jour.</numerusform>
        </translation>
    </message>
    <message>
        <source>The file cannot be written; if it is open in Word or Excel, close it and try again.</source>
        <translation>Le fichier ne peut pas être écrit&#x202f;; s’il est ouvert dans Word ou Excel, fermez-le et réessayez.</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L’export a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Missing translations</source>
        <translation>Traductions manquantes</translation>
    </message>
    <message numerus="yes">
        <source>%n texts of this pack have no up-to-date translation. Export anyway, with the source text marked as untranslated?</source>
        <translation>
            <numerusform>%n texte de ce dossier n’a pas de traduction à jour. Exporter quand même, avec le texte source signalé comme non traduit&#x202f;?</numerusform>
            <numerusform>%n textes de ce dossier n’ont pas de traduction à jour. Exporter quand même, avec le texte source signalé comme non traduit&#x202f;?</numerusform>
        </translation>
    </message>
    <message>
        <source>Export with missing marked</source>
        <translation>Exporter en signalant les manques</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Échec de l’export</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Remplacer le fichier&#x202f;?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>%1 existe déjà. Le remplacer&#x202f;?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>The file could not be opened: no application on this computer opens %1 files. It is in %2.</source>
        <translation>Le fichier n’a pas pu être ouvert&#xa0;: aucune application de cet ordinateur n’ouvre les fichiers %1. Il se trouve dans %2.</translation>
    </message>
    <message>
        <source>Export the pack: %1</source>
        <translation>Exporter le dossier&#xa0;: %1</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>Réunion&#xa0;: %1</translation>
    </message>
    <message>
        <source>%p%</source>
        <translation>%p&#x202f;%</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <source>Choose where to save the file.</source>
        <translation>Choisissez où enregistrer le fichier.</translation>
    </message>
    <message>
        <source>The export had finished before it could be cancelled: %1 was written.</source>
        <translation>L’export était terminé avant de pouvoir être annulé&#xa0;: %1 a été écrit.</translation>
    </message>
    <message>
        <source>The folder %1 could not be shown.</source>
        <translation>Le dossier %1 n’a pas pu être affiché.</translation>
    </message>
</context>
<context>
    <name>FrenchListField</name>
    <message>
        <source>French, separated by semicolons</source>
        <translation>Français, séparés par des points-virgules</translation>
    </message>
</context>
<context>
    <name>FrenchShortField</name>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>French: %1</source>
        <translation>Français&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Getting started</source>
        <translation>Prise en main</translation>
    </message>
    <message>
        <source>The library</source>
        <translation>La bibliothèque</translation>
    </message>
    <message>
        <source>On the left, the library&apos;s topics by policy area. Search as you type (Ctrl+F): texts, titles, meetings and people are found, with or without accents. Filters narrow the list by marking, owner, French translation or review date.</source>
        <translation>À gauche, les sujets de la bibliothèque par domaine. La recherche se fait à la frappe (Ctrl+F)&#xa0;: textes, titres, réunions et personnes sont trouvés, avec ou sans accents. Les filtres restreignent la liste par marquage, responsable, traduction française ou date de relecture.</translation>
    </message>
    <message>
        <source>Writing a topic</source>
        <translation>Rédiger un sujet</translation>
    </message>
    <message>
        <source>Pick a topic to edit it: the English on the left, the French on the right. Everything is saved as you type, and Edit › Undo (Ctrl+Z) takes back any change. When the English changes, the French turns stale: “What changed in the English” shows the difference before you mark the French reviewed.</source>
        <translation>Choisissez un sujet pour le modifier&#xa0;: l’anglais à gauche, le français à droite. Tout est enregistré à la frappe, et Édition › Annuler (Ctrl+Z) reprend n’importe quelle modification. Quand l’anglais change, le français devient périmé&#xa0;: «&#xa0;Ce qui a changé dans l’anglais&#xa0;» montre la différence avant que vous marquiez le français comme relu.</translation>
    </message>
    <message>
        <source>Texts to review</source>
        <translation>Textes à relire</translation>
    </message>
    <message>
        <source>The Texts tab lists every text with its French status, owner, marking and review date. Sort and filter it, select several rows, and mark them reviewed or set their owner or marking at once.</source>
        <translation>L’onglet Textes liste chaque texte avec l’état de son français, son responsable, son marquage et sa date de relecture. Triez-le, filtrez-le, choisissez plusieurs lignes et marquez-les comme relues ou donnez-leur un responsable ou un marquage en une fois.</translation>
    </message>
    <message>
        <source>Building a meeting</source>
        <translation>Préparer une réunion</translation>
    </message>
    <message>
        <source>In the Meeting tab, add agenda items and drag topics onto them, then tick the items the pack should hold. The preview and the checks follow every change.</source>
        <translation>Dans l’onglet Réunion, ajoutez des points à l’ordre du jour et glissez-y des sujets, puis cochez les éléments que le dossier doit contenir. L’aperçu et les vérifications suivent chaque modification.</translation>
    </message>
    <message>
        <source>Exporting</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>File › Export pack (Ctrl+E) writes the pack in Word or Excel, in English, French or both. The export can be cancelled at any time; nothing is written until it is complete.</source>
        <translation>Fichier › Exporter le dossier (Ctrl+E) écrit le dossier en Word ou en Excel, en anglais, en français ou dans les deux langues. L’export peut être annulé à tout moment&#x202f;; rien n’est écrit avant qu’il soit terminé.</translation>
    </message>
    <message>
        <source>Briefing in five steps</source>
        <translation>Briefing en cinq étapes</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Export history of %1</source>
        <translation>Historique des exports de %1</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Heure (UTC)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Exemplaire</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Recorded exports</source>
        <translation>Exports enregistrés</translation>
    </message>
    <message>
        <source>Make again…</source>
        <translation>Refaire…</translation>
    </message>
    <message>
        <source>Write the selected version again, byte for byte</source>
        <translation>Écrire à nouveau la version choisie, octet pour octet</translation>
    </message>
    <message>
        <source>Addendum since this…</source>
        <translation>Addendum depuis cette version…</translation>
    </message>
    <message>
        <source>Write what changed since the selected version, as Word tracked changes</source>
        <translation>Écrire ce qui a changé depuis la version choisie, en modifications suivies de Word</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Reading the export history…</source>
        <translation>Lecture de l’historique des exports…</translation>
    </message>
    <message>
        <source>Nothing has been exported for this meeting yet.</source>
        <translation>Rien n’a encore été exporté pour cette réunion.</translation>
    </message>
    <message>
        <source>The export history could not be read: %1</source>
        <translation>L’historique des exports n’a pas pu être lu&#xa0;: %1</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Écriture…</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>Écrit dans %1.</translation>
    </message>
    <message>
        <source>It differs from the recorded file (PDF files, or another version of Briefing).</source>
        <translation>Il diffère du fichier enregistré (fichiers PDF, ou autre version de Briefing).</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L’export a échoué&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>ImportDocxDialog</name>
    <message>
        <source>Import Word brief</source>
        <translation>Importer une note Word</translation>
    </message>
    <message>
        <source>Brief: %1</source>
        <translation>Note&#xa0;: %1</translation>
    </message>
    <message>
        <source>&amp;Policy area for new topics:</source>
        <translation>&amp;Domaine des nouveaux sujets&#xa0;:</translation>
    </message>
    <message>
        <source>Imported from Word</source>
        <translation>Importé de Word</translation>
    </message>
    <message>
        <source>&amp;Language of the brief:</source>
        <translation>&amp;Langue de la note&#xa0;:</translation>
    </message>
    <message>
        <source>As tagged in the document</source>
        <translation>Celle indiquée dans le document</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Topics and items</source>
        <translation>Sujets et éléments</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Ce qui se passe</translation>
    </message>
    <message>
        <source>What the import creates and merges</source>
        <translation>Ce que l’importation crée et fusionne</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>The brief cannot be imported: %1</source>
        <translation>La note ne peut pas être importée&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing was saved; the library is as it was.</source>
        <translation>Rien n’a été enregistré&#x202f;; la bibliothèque est inchangée.</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>Imported: %1 topics written.</source>
        <translation>Importation terminée&#xa0;: %1 sujets écrits.</translation>
    </message>
    <message>
        <source>Actions tied to no topic</source>
        <translation>Actions liées à aucun sujet</translation>
    </message>
</context>
<context>
    <name>ImportDocxMenu</name>
    <message>
        <source>Import &amp;Word brief…</source>
        <translation>Importer une note &amp;Word…</translation>
    </message>
    <message>
        <source>Import Word brief</source>
        <translation>Importer une note Word</translation>
    </message>
    <message>
        <source>Word documents (*.docx)</source>
        <translation>Documents Word (*.docx)</translation>
    </message>
</context>
<context>
    <name>ItemFrame</name>
    <message>
        <source>Change internal flag</source>
        <translation>Modifier la mention interne</translation>
    </message>
    <message>
        <source>Delete item</source>
        <translation>Supprimer l’élément</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
    <message>
        <source>Not for use with the counterpart: left out of external copies</source>
        <translation>Ne pas utiliser avec l’interlocuteur&#xa0;: retiré des exemplaires externes</translation>
    </message>
    <message>
        <source>Internal: not for use with the counterpart</source>
        <translation>Interne&#xa0;: ne pas utiliser avec l’interlocuteur</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete this item</source>
        <translation>Supprimer cet élément</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>Search the library</source>
        <translation>Rechercher dans la bibliothèque</translation>
    </message>
    <message>
        <source>Library: areas and topics</source>
        <translation>Bibliothèque&#xa0;: domaines et sujets</translation>
    </message>
    <message>
        <source>Review overdue</source>
        <translation>Relecture en retard</translation>
    </message>
    <message>
        <source>Filter by marking</source>
        <translation>Filtrer par marquage</translation>
    </message>
    <message>
        <source>Any marking</source>
        <translation>Tout marquage</translation>
    </message>
    <message>
        <source>No marking</source>
        <translation>Sans marquage</translation>
    </message>
    <message>
        <source>Filter by French translation</source>
        <translation>Filtrer par traduction française</translation>
    </message>
    <message>
        <source>Any translation status</source>
        <translation>Tout état de traduction</translation>
    </message>
    <message>
        <source>French missing</source>
        <translation>Français manquant</translation>
    </message>
    <message>
        <source>French stale</source>
        <translation>Français périmé</translation>
    </message>
    <message>
        <source>French not reviewed</source>
        <translation>Français non relu</translation>
    </message>
    <message>
        <source>French all reviewed</source>
        <translation>Français entièrement relu</translation>
    </message>
    <message>
        <source>Filter by owner</source>
        <translation>Filtrer par responsable</translation>
    </message>
    <message>
        <source>Any owner</source>
        <translation>Tout responsable</translation>
    </message>
    <message>
        <source>Search the library (Ctrl+F)</source>
        <translation>Rechercher dans la bibliothèque (Ctrl+F)</translation>
    </message>
    <message>
        <source>Finds topics, texts, meetings and people; Down or Enter moves into the results</source>
        <translation>Trouve sujets, textes, réunions et personnes&#x202f;; Bas ou Entrée mène aux résultats</translation>
    </message>
    <message>
        <source>Topics never reviewed or last reviewed too long ago</source>
        <translation>Sujets jamais relus ou relus il y a trop longtemps</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Réunions</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
</context>
<context>
    <name>LivePreview</name>
    <message>
        <source>About %1 pages as printed</source>
        <translation>Environ %1 pages à l’impression</translation>
    </message>
    <message>
        <source>Part of a long pack: agenda items %1 to %2 of %3. Select an agenda item to see its part.</source>
        <translation>Extrait d’un long dossier&#xa0;: points %1 à %2 sur %3 de l’ordre du jour. Sélectionnez un point de l’ordre du jour pour en voir la partie.</translation>
    </message>
    <message>
        <source>page break</source>
        <translation>saut de page</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Briefing</source>
        <translation>Briefing</translation>
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
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <source>&amp;New topic</source>
        <translation>&amp;Nouveau sujet</translation>
    </message>
    <message>
        <source>New &amp;meeting…</source>
        <translation>Nouvelle &amp;réunion…</translation>
    </message>
    <message>
        <source>&amp;Export pack…</source>
        <translation>&amp;Exporter le dossier…</translation>
    </message>
    <message>
        <source>&amp;Translations</source>
        <translation>&amp;Traductions</translation>
    </message>
    <message>
        <source>E&amp;xport texts to translate…</source>
        <translation>&amp;Exporter les textes à traduire…</translation>
    </message>
    <message>
        <source>&amp;Import translations…</source>
        <translation>&amp;Importer des traductions…</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Sauvegarder maintenant…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Find in library</source>
        <translation>&amp;Rechercher dans la bibliothèque</translation>
    </message>
    <message>
        <source>&amp;About Briefing</source>
        <translation>À &amp;propos de Briefing</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Work area</source>
        <translation>Zone de travail</translation>
    </message>
    <message>
        <source>Opening the library…</source>
        <translation>Ouverture de la bibliothèque…</translation>
    </message>
    <message>
        <source>Every change is saved in the library as you make it.</source>
        <translation>Chaque modification est enregistrée dans la bibliothèque au fur et à mesure.</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>&amp;Annuler %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>&amp;Rétablir %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>New topic</source>
        <translation>Nouveau sujet</translation>
    </message>
    <message>
        <source>Title of the topic (English):</source>
        <translation>Titre du sujet (anglais)&#xa0;:</translation>
    </message>
    <message>
        <source>About Briefing</source>
        <translation>À propos de Briefing</translation>
    </message>
    <message>
        <source>Briefing %1: briefing packs for ministerial meetings, in English and French.</source>
        <translation>Briefing %1&#xa0;: dossiers de réunion ministériels, en anglais et en français.</translation>
    </message>
    <message>
        <source>Python %1, PySide6 %2, Qt %3</source>
        <translation>Python %1, PySide6 %2, Qt %3</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>&amp;Prise en main</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>Textes</translation>
    </message>
    <message>
        <source>Every text of the library: sort, filter and review several at once</source>
        <translation>Tous les textes de la bibliothèque&#xa0;: trier, filtrer et relire plusieurs textes à la fois</translation>
    </message>
</context>
<context>
    <name>MeetingBuilder</name>
    <message>
        <source>Meeting</source>
        <translation>Réunion</translation>
    </message>
    <message>
        <source>New meeting…</source>
        <translation>Nouvelle réunion…</translation>
    </message>
    <message>
        <source>Copy meeting…</source>
        <translation>Copier la réunion…</translation>
    </message>
    <message>
        <source>A new meeting with this meeting&apos;s agenda, selection and presets</source>
        <translation>Une nouvelle réunion avec l’ordre du jour, la sélection et les préréglages de celle-ci</translation>
    </message>
    <message>
        <source>Agenda: check the items that go into the pack</source>
        <translation>Ordre du jour&#xa0;: cochez les éléments à mettre dans le dossier</translation>
    </message>
    <message>
        <source>Drag topics from the library onto an agenda item; drag items to reorder</source>
        <translation>Faites glisser des sujets de la bibliothèque sur un point de l’ordre du jour&#x202f;; faites glisser les éléments pour les réordonner</translation>
    </message>
    <message>
        <source>Add agenda item…</source>
        <translation>Ajouter un point…</translation>
    </message>
    <message>
        <source>Remove agenda item</source>
        <translation>Retirer le point</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Renommer…</translation>
    </message>
    <message>
        <source>Rename the agenda item, in English and French</source>
        <translation>Renommer le point de l’ordre du jour, en anglais et en français</translation>
    </message>
    <message>
        <source>Remove topic</source>
        <translation>Retirer un sujet</translation>
    </message>
    <message>
        <source>Stop the agenda item covering one of its topics</source>
        <translation>Retirer l’un de ses sujets du point de l’ordre du jour</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Move the agenda item, topic or item up</source>
        <translation>Monter le point de l’ordre du jour, le sujet ou l’élément</translation>
    </message>
    <message>
        <source>Move the agenda item, topic or item down</source>
        <translation>Descendre le point de l’ordre du jour, le sujet ou l’élément</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Ordre du jour</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Préréglages</translation>
    </message>
    <message>
        <source>Save preset…</source>
        <translation>Enregistrer le préréglage…</translation>
    </message>
    <message>
        <source>Apply preset</source>
        <translation>Appliquer le préréglage</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Exemplaire</translation>
    </message>
    <message>
        <source>Language of the pack</source>
        <translation>Langue du dossier</translation>
    </message>
    <message>
        <source>Copy type</source>
        <translation>Type d’exemplaire</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <source>Preview of the pack</source>
        <translation>Aperçu du dossier</translation>
    </message>
    <message>
        <source>no French</source>
        <translation>pas de français</translation>
    </message>
    <message>
        <source>French out of date</source>
        <translation>français à mettre à jour</translation>
    </message>
    <message>
        <source>Topics:</source>
        <translation>Sujets&#xa0;:</translation>
    </message>
    <message>
        <source>No topic yet</source>
        <translation>Aucun sujet pour l’instant</translation>
    </message>
    <message>
        <source>%1 of %2 without current French</source>
        <translation>%1 sur %2 sans français à jour</translation>
    </message>
    <message>
        <source>Every item has a current French</source>
        <translation>Tous les éléments ont un français à jour</translation>
    </message>
</context>
<context>
    <name>MeetingChoice</name>
    <message>
        <source>New meeting</source>
        <translation>Nouvelle réunion</translation>
    </message>
    <message>
        <source>Title of the meeting (English):</source>
        <translation>Titre de la réunion (anglais)&#xa0;:</translation>
    </message>
    <message>
        <source>Copy meeting</source>
        <translation>Copier la réunion</translation>
    </message>
    <message>
        <source>Title of the new meeting (English):</source>
        <translation>Titre de la nouvelle réunion (anglais)&#xa0;:</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>Enregistrer le préréglage</translation>
    </message>
    <message>
        <source>Name of the preset:</source>
        <translation>Nom du préréglage&#xa0;:</translation>
    </message>
    <message>
        <source>Apply preset</source>
        <translation>Appliquer le préréglage</translation>
    </message>
</context>
<context>
    <name>MeetingDetailsPanel</name>
    <message>
        <source>Translate who prepared the pack</source>
        <translation>Traduire qui a préparé le dossier</translation>
    </message>
    <message>
        <source>Title of the meeting</source>
        <translation>Titre de la réunion</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kind of meeting</source>
        <translation>Type de réunion</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>To</source>
        <translation>au</translation>
    </message>
    <message>
        <source>No date</source>
        <translation>Sans date</translation>
    </message>
    <message>
        <source>First day of the meeting</source>
        <translation>Premier jour de la réunion</translation>
    </message>
    <message>
        <source>Last day of the meeting</source>
        <translation>Dernier jour de la réunion</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Prepared by (EN / FR)</source>
        <translation>Préparé par (EN / FR)</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>Préparé par</translation>
    </message>
    <message>
        <source>Prepared by, in French</source>
        <translation>Préparé par, en français</translation>
    </message>
    <message>
        <source>Unit or person who prepared the pack</source>
        <translation>Unité ou personne qui a préparé le dossier</translation>
    </message>
    <message>
        <source>Objectives of the meeting</source>
        <translation>Objectifs de la réunion</translation>
    </message>
    <message>
        <source>Add objective</source>
        <translation>Ajouter un objectif</translation>
    </message>
    <message>
        <source>Edit objective</source>
        <translation>Modifier l’objectif</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Marquer comme relu</translation>
    </message>
    <message>
        <source>A meeting needs a title.</source>
        <translation>Une réunion doit avoir un titre.</translation>
    </message>
    <message>
        <source>Rename meeting</source>
        <translation>Renommer la réunion</translation>
    </message>
    <message>
        <source>Change location</source>
        <translation>Modifier le lieu</translation>
    </message>
    <message>
        <source>Change kind of meeting</source>
        <translation>Modifier le type de réunion</translation>
    </message>
    <message>
        <source>The meeting cannot end before it starts: choose a last day on or after %1.</source>
        <translation>La réunion ne peut pas finir avant de commencer&#xa0;: choisissez un dernier jour le %1 ou après.</translation>
    </message>
    <message>
        <source>Change dates</source>
        <translation>Modifier les dates</translation>
    </message>
    <message>
        <source>Change who prepared the pack</source>
        <translation>Modifier l’auteur du dossier</translation>
    </message>
    <message>
        <source>Delete objective</source>
        <translation>Supprimer l’objectif</translation>
    </message>
    <message>
        <source>Reorder objectives</source>
        <translation>Réordonner les objectifs</translation>
    </message>
</context>
<context>
    <name>MeetingParticipantsPanel</name>
    <message>
        <source>Participants of the meeting, in the order of the pack</source>
        <translation>Participants à la réunion, dans l’ordre du dossier</translation>
    </message>
    <message>
        <source>Participant of the library to add</source>
        <translation>Participant de la bibliothèque à ajouter</translation>
    </message>
    <message>
        <source>Add to meeting</source>
        <translation>Ajouter à la réunion</translation>
    </message>
    <message>
        <source>Remove from meeting</source>
        <translation>Retirer de la réunion</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>New people are added in the Participants tab; their function and biography are edited there.</source>
        <translation>Les nouvelles personnes s’ajoutent dans l’onglet Participants&#x202f;; leur fonction et leur biographie s’y modifient.</translation>
    </message>
    <message>
        <source>Add participant to meeting</source>
        <translation>Ajouter un participant à la réunion</translation>
    </message>
    <message>
        <source>Remove participant from meeting</source>
        <translation>Retirer un participant de la réunion</translation>
    </message>
    <message>
        <source>Reorder participants</source>
        <translation>Réordonner les participants</translation>
    </message>
</context>
<context>
    <name>ObjectiveRow</name>
    <message>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move this objective up</source>
        <translation>Monter cet objectif</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Move this objective down</source>
        <translation>Descendre cet objectif</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Delete this objective</source>
        <translation>Supprimer cet objectif</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
</context>
<context>
    <name>ParticipantsTable</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Function (English)</source>
        <translation>Fonction (anglais)</translation>
    </message>
    <message>
        <source>Function (French)</source>
        <translation>Fonction (français)</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>Ajouter un participant</translation>
    </message>
    <message>
        <source>Delete participant</source>
        <translation>Supprimer le participant</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Fonction</translation>
    </message>
    <message>
        <source>Biography</source>
        <translation>Biographie</translation>
    </message>
    <message>
        <source>Choose a participant to edit their function and biography</source>
        <translation>Choisissez un participant pour modifier sa fonction et sa biographie</translation>
    </message>
    <message>
        <source>Function and biography of %1</source>
        <translation>Fonction et biographie de %1</translation>
    </message>
    <message>
        <source>Edit participant</source>
        <translation>Modifier le participant</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Marquer comme relu</translation>
    </message>
    <message>
        <source>Rename participant</source>
        <translation>Renommer le participant</translation>
    </message>
    <message>
        <source>Change organisation</source>
        <translation>Modifier l’organisation</translation>
    </message>
    <message>
        <source>Edit function</source>
        <translation>Modifier la fonction</translation>
    </message>
    <message>
        <source>New participant</source>
        <translation>Nouveau participant</translation>
    </message>
</context>
<context>
    <name>PreflightPanel</name>
    <message>
        <source>Severity</source>
        <translation>Gravité</translation>
    </message>
    <message>
        <source>Agenda item</source>
        <translation>Point</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Preflight findings</source>
        <translation>Constats de la vérification</translation>
    </message>
    <message>
        <source>Double-click a finding to open the text that needs work</source>
        <translation>Double-cliquez sur un constat pour ouvrir le texte à reprendre</translation>
    </message>
    <message>
        <source>Blocking</source>
        <translation>Bloquant</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Avertissement</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Preflight: nothing to fix.</source>
        <translation>Vérification&#xa0;: rien à corriger.</translation>
    </message>
    <message>
        <source>Preflight: %1 findings, %2 blocking.</source>
        <translation>Vérification&#xa0;: %1 constats, dont %2 bloquants.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Move into the search results</source>
        <translation>Aller dans les résultats de la recherche</translation>
    </message>
    <message>
        <source>Down or Enter in the search box</source>
        <translation>Bas ou Entrée dans le champ de recherche</translation>
    </message>
    <message>
        <source>Open the topic, meeting or person chosen</source>
        <translation>Ouvrir le sujet, la réunion ou la personne choisis</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>Next or previous box</source>
        <translation>Champ suivant ou précédent</translation>
    </message>
    <message>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Maj+Tab</translation>
    </message>
    <message>
        <source>Undo typing in a text box (the same history as Edit › Undo)</source>
        <translation>Annuler la saisie dans un champ de texte (le même historique qu’Édition › Annuler)</translation>
    </message>
    <message>
        <source>Change the day, month or year of a date</source>
        <translation>Changer le jour, le mois ou l’année d’une date</translation>
    </message>
    <message>
        <source>Up, Down; Left and Right between them</source>
        <translation>Haut, Bas&#x202f;; Gauche et Droite pour passer de l’un à l’autre</translation>
    </message>
</context>
<context>
    <name>SuggestionPanel</name>
    <message>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <source>French of similar English texts of the library; nothing is used until you press Use</source>
        <translation>Le français de textes anglais semblables de la bibliothèque&#x202f;; rien n’est repris tant que vous n’appuyez pas sur Utiliser</translation>
    </message>
    <message>
        <source>Show translation suggestions from the library</source>
        <translation>Afficher les suggestions de traduction tirées de la bibliothèque</translation>
    </message>
    <message>
        <source>Suggestions are not available: %1</source>
        <translation>Les suggestions ne sont pas disponibles&#xa0;: %1</translation>
    </message>
    <message>
        <source>Looking for similar texts in the library…</source>
        <translation>Recherche de textes semblables dans la bibliothèque…</translation>
    </message>
    <message>
        <source>No similar text in the library has a French translation.</source>
        <translation>Aucun texte semblable de la bibliothèque n’a de traduction française.</translation>
    </message>
</context>
<context>
    <name>SuggestionRow</name>
    <message>
        <source>%1%</source>
        <translation>%1&#x202f;%</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>How similar the English of this suggestion is to this text</source>
        <translation>Degré de ressemblance entre l’anglais de cette suggestion et ce texte</translation>
    </message>
    <message>
        <source>Translation of: %1</source>
        <translation>Traduction de&#xa0;: %1</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>Utiliser</translation>
    </message>
    <message>
        <source>Use this suggestion (%1 similar): %2</source>
        <translation>Utiliser cette suggestion (ressemblance de %1)&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>SuggestionsController</name>
    <message>
        <source>Use suggestion</source>
        <translation>Reprendre une suggestion</translation>
    </message>
</context>
<context>
    <name>TextPair</name>
    <message>
        <source>%1 (source)</source>
        <translation>%1 (source)</translation>
    </message>
    <message>
        <source>%1 (translation)</source>
        <translation>%1 (traduction)</translation>
    </message>
    <message>
        <source>Mark French reviewed</source>
        <translation>Marquer le français comme relu</translation>
    </message>
    <message>
        <source>Mark English reviewed</source>
        <translation>Marquer l’anglais comme relu</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <source>What changed in the English</source>
        <translation>Ce qui a changé dans l’anglais</translation>
    </message>
    <message>
        <source>What changed in the French</source>
        <translation>Ce qui a changé dans le français</translation>
    </message>
    <message>
        <source>Compare the source as it was when the translation was last reviewed with the source now</source>
        <translation>Comparer la source telle qu’elle était à la dernière relecture de la traduction avec la source actuelle</translation>
    </message>
    <message>
        <source>%1 — source</source>
        <translation>%1 — source</translation>
    </message>
    <message>
        <source>%1 — translation</source>
        <translation>%1 — traduction</translation>
    </message>
    <message>
        <source>%1 — out of date: the source changed since it was reviewed</source>
        <translation>%1 — périmé&#xa0;: la source a changé depuis la relecture</translation>
    </message>
    <message>
        <source>The source as it was when this translation was last reviewed is not kept (it was reviewed before the library kept it). Compare the whole source with the translation.</source>
        <translation>La source telle qu’elle était à la dernière relecture de cette traduction n’est pas conservée (la relecture date d’avant que la bibliothèque la conserve). Comparez toute la source avec la traduction.</translation>
    </message>
    <message>
        <source>Changes in the source since the translation was last reviewed:</source>
        <translation>Modifications de la source depuis la dernière relecture de la traduction&#xa0;:</translation>
    </message>
</context>
<context>
    <name>TextsPanel</name>
    <message>
        <source>Topic</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Responsable</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Marquage</translation>
    </message>
    <message>
        <source>Last reviewed</source>
        <translation>Dernière relecture</translation>
    </message>
    <message>
        <source>Filter by words, topic or owner</source>
        <translation>Filtrer par mots, sujet ou responsable</translation>
    </message>
    <message>
        <source>Filter the texts</source>
        <translation>Filtrer les textes</translation>
    </message>
    <message>
        <source>Texts of the library</source>
        <translation>Textes de la bibliothèque</translation>
    </message>
    <message>
        <source>Any French status</source>
        <translation>Tout état du français</translation>
    </message>
    <message>
        <source>French missing</source>
        <translation>Français manquant</translation>
    </message>
    <message>
        <source>French stale</source>
        <translation>Français périmé</translation>
    </message>
    <message>
        <source>French not reviewed</source>
        <translation>Français non relu</translation>
    </message>
    <message>
        <source>French reviewed</source>
        <translation>Français relu</translation>
    </message>
    <message>
        <source>Filter by French status</source>
        <translation>Filtrer par état du français</translation>
    </message>
    <message>
        <source>Review overdue</source>
        <translation>Relecture en retard</translation>
    </message>
    <message>
        <source>Topics never reviewed or last reviewed too long ago</source>
        <translation>Sujets jamais relus ou relus il y a trop longtemps</translation>
    </message>
    <message>
        <source>Mark French reviewed</source>
        <translation>Marquer le français comme relu</translation>
    </message>
    <message>
        <source>Stale translations are left out: review them in the topic, with what changed in the English</source>
        <translation>Les traductions périmées sont laissées de côté&#xa0;: relisez-les dans le sujet, avec ce qui a changé dans l’anglais</translation>
    </message>
    <message>
        <source>Set owner…</source>
        <translation>Responsable…</translation>
    </message>
    <message>
        <source>Set marking</source>
        <translation>Marquage</translation>
    </message>
    <message>
        <source>No marking</source>
        <translation>Aucun marquage</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Jamais</translation>
    </message>
    <message>
        <source>%1 of %2 texts</source>
        <translation>%1 textes sur %2</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n text(s) reviewed</source>
        <translation>
            <numerusform>Marquer %n texte comme relu</numerusform>
            <numerusform>Marquer %n textes comme relus</numerusform>
        </translation>
    </message>
    <message>
        <source>Set owner</source>
        <translation>Changer le responsable</translation>
    </message>
    <message>
        <source>Owner of the topics of the texts chosen:</source>
        <translation>Responsable des sujets des textes choisis&#xa0;:</translation>
    </message>
</context>
<context>
    <name>TopicEditor</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Ajouter un élément</translation>
    </message>
    <message>
        <source>Add an item to this topic</source>
        <translation>Ajouter un élément à ce sujet</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Éléments</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Choose a topic in the library, or create one with Ctrl+N.</source>
        <translation>Choisissez un sujet dans la bibliothèque, ou créez-en un avec Ctrl+N.</translation>
    </message>
    <message>
        <source>Last changed by %1 on %2 at %3</source>
        <translation>Dernière modification par %1 le %2 à %3</translation>
    </message>
    <message>
        <source>Last changed on %2 at %3</source>
        <translation>Dernière modification le %2 à %3</translation>
    </message>
    <message>
        <source>Edit text</source>
        <translation>Modifier le texte</translation>
    </message>
    <message>
        <source>Mark reviewed</source>
        <translation>Marquer comme relu</translation>
    </message>
    <message numerus="yes">
        <source>Delete the topic “%1” and its %n item(s)? It also leaves the agendas it is on. You can undo this with Edit › Undo.</source>
        <translation>
            <numerusform>Supprimer le sujet «&#x202f;%1&#x202f;» avec %n élément&#x202f;? Il est aussi retiré des ordres du jour où il figure. Vous pourrez l’annuler avec Édition › Annuler.</numerusform>
            <numerusform>Supprimer le sujet «&#x202f;%1&#x202f;» avec %n éléments&#x202f;? Il est aussi retiré des ordres du jour où il figure. Vous pourrez l’annuler avec Édition › Annuler.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete topic</source>
        <translation>Supprimer le sujet</translation>
    </message>
</context>
<context>
    <name>TopicFields</name>
    <message>
        <source>Translate owner</source>
        <translation>Traduire le responsable</translation>
    </message>
    <message>
        <source>Translate sources</source>
        <translation>Traduire les sources</translation>
    </message>
    <message>
        <source>Last reviewed</source>
        <translation>Dernière relecture</translation>
    </message>
    <message>
        <source>Never reviewed</source>
        <translation>Jamais relu</translation>
    </message>
    <message>
        <source>Date the topic was last reviewed</source>
        <translation>Date de la dernière relecture du sujet</translation>
    </message>
    <message>
        <source>Reviewed today</source>
        <translation>Relu aujourd’hui</translation>
    </message>
    <message>
        <source>Record that the whole topic was reviewed today</source>
        <translation>Noter que tout le sujet a été relu aujourd’hui</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <source>Tags of the topic, separated by commas</source>
        <translation>Mots-clés du sujet, séparés par des virgules</translation>
    </message>
    <message>
        <source>Separated by commas: ports, organised crime</source>
        <translation>Séparés par des virgules&#xa0;: ports, criminalité organisée</translation>
    </message>
    <message>
        <source>Sources (EN / FR)</source>
        <translation>Sources (EN / FR)</translation>
    </message>
    <message>
        <source>Source documents of the topic, separated by semicolons</source>
        <translation>Documents sources du sujet, séparés par des points-virgules</translation>
    </message>
    <message>
        <source>Separated by semicolons: ST 10270/24; COM(2024) 64</source>
        <translation>Séparés par des points-virgules&#xa0;: ST 10270/24&#x202f;; COM(2024) 64</translation>
    </message>
    <message>
        <source>Source documents of the topic in French, separated by semicolons</source>
        <translation>Documents sources du sujet en français, séparés par des points-virgules</translation>
    </message>
    <message>
        <source>Delete topic…</source>
        <translation>Supprimer le sujet…</translation>
    </message>
    <message>
        <source>Delete this topic</source>
        <translation>Supprimer ce sujet</translation>
    </message>
    <message>
        <source>Owner (EN / FR)</source>
        <translation>Responsable (EN / FR)</translation>
    </message>
    <message>
        <source>Owner of the topic</source>
        <translation>Responsable du sujet</translation>
    </message>
    <message>
        <source>Owner of the topic, in French</source>
        <translation>Responsable du sujet, en français</translation>
    </message>
    <message>
        <source>Marking</source>
        <translation>Marquage</translation>
    </message>
    <message>
        <source>Marking of the topic</source>
        <translation>Marquage du sujet</translation>
    </message>
    <message>
        <source>No marking</source>
        <translation>Sans marquage</translation>
    </message>
    <message>
        <source>Change owner</source>
        <translation>Modifier le responsable</translation>
    </message>
    <message>
        <source>Change marking</source>
        <translation>Modifier le marquage</translation>
    </message>
    <message>
        <source>Change review date</source>
        <translation>Modifier la date de relecture</translation>
    </message>
    <message>
        <source>Change tags</source>
        <translation>Modifier les mots-clés</translation>
    </message>
    <message>
        <source>Change sources</source>
        <translation>Modifier les sources</translation>
    </message>
</context>
<context>
    <name>TopicItems</name>
    <message>
        <source>Add item</source>
        <translation>Ajouter un élément</translation>
    </message>
</context>
<context>
    <name>TranslationExportDialog</name>
    <message>
        <source>Export texts to translate</source>
        <translation>Exporter les textes à traduire</translation>
    </message>
    <message>
        <source>Texts of</source>
        <translation>Textes de</translation>
    </message>
    <message>
        <source>Translate into</source>
        <translation>Traduire en</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Enregistrer sous</translation>
    </message>
    <message>
        <source>When done</source>
        <translation>Une fois terminé</translation>
    </message>
    <message>
        <source>Open the workbook</source>
        <translation>Ouvrir le classeur</translation>
    </message>
    <message>
        <source>The meeting “%1”</source>
        <translation>La réunion «&#x202f;%1&#x202f;»</translation>
    </message>
    <message>
        <source>The whole library</source>
        <translation>Toute la bibliothèque</translation>
    </message>
    <message>
        <source>Texts to translate into %1: %2. Workbook written to %3.</source>
        <translation>Textes à traduire (%1)&#xa0;: %2. Classeur enregistré dans %3.</translation>
    </message>
    <message>
        <source>Nothing needs translating into %1; %3 has no rows.</source>
        <translation>Aucun texte à traduire (%1)&#x202f;; %3 n’a aucune ligne.</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Choose where to save the workbook.</source>
        <translation>Choisissez où enregistrer le classeur.</translation>
    </message>
</context>
<context>
    <name>TranslationImportDialog</name>
    <message>
        <source>Import translations</source>
        <translation>Importer des traductions</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Progression de l’import</translation>
    </message>
    <message>
        <source>Rows not imported</source>
        <translation>Lignes non importées</translation>
    </message>
    <message>
        <source>Rows of the workbook that were not imported, and why</source>
        <translation>Lignes du classeur qui n’ont pas été importées, et pourquoi</translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>L’import a échoué&#xa0;: %1</translation>
    </message>
    <message>
        <source>Nothing was saved; the library is as it was.</source>
        <translation>Rien n’a été enregistré&#x202f;; la bibliothèque est inchangée.</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>Import de %1 en cours…</translation>
    </message>
    <message>
        <source>Translations saved: %1</source>
        <translation>Traductions enregistrées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Unchanged: %1</source>
        <translation>Inchangées&#xa0;: %1</translation>
    </message>
    <message>
        <source>Left empty: %1</source>
        <translation>Laissées vides&#xa0;: %1</translation>
    </message>
    <message>
        <source>Not saved (conflicts): %1</source>
        <translation>Non enregistrées (conflits)&#xa0;: %1</translation>
    </message>
    <message>
        <source>%1 read.</source>
        <translation>%1 lu.</translation>
    </message>
    <message>
        <source>The rows not imported changed in the library since the export: export a new workbook to translate them again.</source>
        <translation>Les lignes non importées ont changé dans la bibliothèque depuis l’export&#xa0;: exportez un nouveau classeur pour les faire traduire à nouveau.</translation>
    </message>
    <message>
        <source>An import cannot be undone with Edit › Undo, so the edits made before it can no longer be undone either.</source>
        <translation>Un import ne peut pas être annulé avec Édition › Annuler&#x202f;; les modifications faites avant lui ne peuvent donc plus être annulées non plus.</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Échec de l’import</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>missing</source>
        <translation>manquant</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>brouillon</translation>
    </message>
    <message>
        <source>translated, not reviewed</source>
        <translation>traduit, non relu</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>relu</translation>
    </message>
    <message>
        <source>stale: the source changed</source>
        <translation>périmé&#xa0;: la source a changé</translation>
    </message>
    <message>
        <source>source text</source>
        <translation>texte source</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Line to take</source>
        <translation>Élément de langage</translation>
    </message>
    <message>
        <source>Counterpart&apos;s position</source>
        <translation>Position de l’interlocuteur</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Contexte</translation>
    </message>
    <message>
        <source>Key fact</source>
        <translation>Fait ou chiffre</translation>
    </message>
    <message>
        <source>If asked (question and answer)</source>
        <translation>Si la question est posée (question et réponse)</translation>
    </message>
    <message>
        <source>Press line</source>
        <translation>Élément pour la presse</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulée</translation>
    </message>
    <message>
        <source>Council</source>
        <translation>Conseil</translation>
    </message>
    <message>
        <source>Bilateral</source>
        <translation>Bilatérale</translation>
    </message>
    <message>
        <source>Multilateral</source>
        <translation>Multilatérale</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Français</translation>
    </message>
    <message>
        <source>Bilingual (interpreter&apos;s copy)</source>
        <translation>Bilingue (exemplaire de l’interprète)</translation>
    </message>
    <message>
        <source>Internal copy (minister)</source>
        <translation>Exemplaire interne (ministre)</translation>
    </message>
    <message>
        <source>External copy (without internal notes)</source>
        <translation>Exemplaire externe (sans les notes internes)</translation>
    </message>
</context>
<context>
    <name>WindowFiles</name>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Create a meeting first.</source>
        <translation>Créez d’abord une réunion.</translation>
    </message>
    <message>
        <source>Import translations</source>
        <translation>Importer des traductions</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Classeurs Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Translations imported: %1.</source>
        <translation>Traductions importées&#xa0;: %1.</translation>
    </message>
</context>
<context>
    <name>_HistoryAction</name>
    <message>
        <source>Export &amp;history…</source>
        <translation>&amp;Historique des exports…</translation>
    </message>
    <message>
        <source>Export history</source>
        <translation>Historique des exports</translation>
    </message>
    <message>
        <source>Create a meeting first.</source>
        <translation>Créez d’abord une réunion.</translation>
    </message>
</context>
</TS>
