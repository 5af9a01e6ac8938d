//! French, as quire ships it: the words of [`KEYS`] in their order, checked while compiling.

use super::{KEYS, SLOTS};

/// Every word but the months, `(key, French)` in [`KEYS`]' order.
pub(super) const WORDS: [(&str, &str); SLOTS] = [
    ("skip_to_content", "Aller au contenu"),
    ("tags", "Étiquettes"),
    ("archive", "Archives"),
    ("search", "Recherche"),
    ("search_posts", "Rechercher dans les articles"),
    ("search_hint", "Tapez pour chercher dans les titres, intertitres, étiquettes et textes."),
    ("posts", "Articles"),
    ("posts_page", "Articles, page {page} sur {pages}"),
    ("page_of", "Page {page} sur {pages}"),
    ("newer_posts", "← Articles plus récents"),
    ("older_posts", "Articles plus anciens →"),
    ("newer", "← Plus récent"),
    ("older", "Plus ancien →"),
    ("more_posts", "Autres articles"),
    ("all_posts", "← Tous les articles"),
    ("word_count", "{n} mots"),
    ("min_read", "{n} min de lecture"),
    ("by", "Par"),
    ("and", "et"),
    ("contents", "Sommaire"),
    ("related_posts", "Articles liés"),
    ("comments", "Commentaires"),
    ("feed", "Flux"),
    ("all_tags", "Toutes les étiquettes"),
    ("undated", "Sans date"),
    ("page_not_found", "Page introuvable"),
    ("not_found_text", "Il n’y a rien à cette adresse. La page a peut-être été déplacée, ou le lien est mal saisi."),
    ("save_offline", "Enregistrer tout le blog pour le lire hors ligne"),
    ("saved_offline", "Enregistré hors ligne"),
    ("dark_mode", "Mode sombre"),
    ("light_mode", "Mode clair"),
    ("language", "Langue"),
    ("in_categories", "Dans"),
    ("series_part", "Partie {n} sur {total} de la série"),
    ("series_all", "Les {n} parties"),
    ("footer", "Écrit en Markdown, rendu en WebAssembly par quire."),
    ("copy", "Copier"),
    ("copied", "Copié"),
    ("copy_failed", "Échec de la copie"),
    ("copy_code", "Copier le code"),
    ("draft", "Brouillon — visible en développement seulement ; une version publiée l’omet."),
    ("tag", "Étiquette"),
    ("year", "Année"),
    ("all_years", "Toutes les années"),
    ("all_languages", "Toutes les langues"),
    ("search_loading", "Chargement de l’index de recherche…"),
    ("search_keys", "{up} {down} pour choisir, {enter} pour ouvrir, {esc} pour fermer. Appuyez sur {slash} sur n’importe quelle page pour chercher."),
    ("search_count_one", "Tapez pour chercher dans 1 article."),
    ("search_count", "Tapez pour chercher dans {n} articles."),
    ("matches_none", "Aucun article ne correspond à {what}."),
    ("matches_one", "1 article correspond à {what}."),
    ("matches", "{n} articles correspondent à {what}."),
    ("matches_more", "{n} articles correspondent à {what} ; les {shown} meilleurs sont affichés."),
    ("query_text", "« {text} »"),
    ("query_tag", "l’étiquette « {tag} »"),
    ("query_in", ", "),
    ("results", "Résultats"),
    ("save_confirm", "Tous les articles ({posts}), leurs images et l’index de recherche : {size}."),
    ("save_confirm_language", "Tous les articles dans cette langue ({posts}), leurs images et l’index de recherche : {size}."),
    ("save_size", "Enregistrer {size}"),
    ("save_all", "Toutes les langues : {size}"),
    ("save_checking", "Calcul de la taille…"),
    ("save_progress", "Enregistrement… {done} fichiers sur {total}"),
    ("save_done", "Enregistré ({size}) : tous les articles et la recherche fonctionnent sans réseau."),
    ("save_unreachable", "Impossible de joindre le blog pour l’enregistrer. Vérifiez votre connexion."),
    ("save_failed", "{failed} fichiers sur {total} n’ont pas pu être enregistrés (réseau ou hébergeur) ; le reste est enregistré."),
    ("retry", "Réessayer"),
    ("cancel", "Annuler"),
    ("loading", "Chargement de {what}…"),
    ("or", "ou"),
    ("go_home", "revenir à l’accueil"),
    ("back_home", "← Retour à tous les articles"),
    ("post_not_found", "Article introuvable"),
    ("post_missing", "Il n’y a pas d’article nommé « {name} ». Il a peut-être été renommé ou retiré."),
    ("author_not_found", "Auteur introuvable"),
    ("author_missing", "Aucun article n’est de « {name} »."),
    ("tag_not_found", "Étiquette introuvable"),
    ("tag_missing", "Aucun article n’a l’étiquette « {name} »."),
    ("category_not_found", "Catégorie introuvable"),
    ("category_missing", "Aucun article n’est dans « {name} »."),
    ("series_not_found", "Série introuvable"),
    ("series_missing", "Aucun article n’est dans la série « {name} »."),
    ("post_count_one", "1 article"),
    ("post_count", "{n} articles"),
    ("part_count_one", "1 partie"),
    ("part_count", "{n} parties"),
    ("website", "Site web"),
    ("no_posts_yet", "Pas encore d’article. Ajoutez un fichier Markdown à public/posts/."),
    ("no_tags_yet", "Aucun article n’a encore d’étiquette."),
    ("load_network", "Impossible de charger {what} : le serveur n’a pas répondu. Vérifiez votre connexion et réessayez."),
    ("load_gone", "Impossible de charger {what} : le serveur indique que ce fichier n’existe pas (HTTP 404)."),
    ("load_status", "Impossible de charger {what} : le serveur a répondu par une erreur (HTTP {status})."),
    ("load_page", "Impossible de charger {what} : le serveur a envoyé une page web à la place, le fichier manque sans doute à ce déploiement."),
    ("load_invalid", "Impossible de lire {what} : {detail}."),
    ("load_timeout", "Impossible de charger {what} : le serveur a mis plus de {n} secondes à répondre. Il est peut-être occupé ; réessayez."),
    ("the_posts", "la liste des articles"),
    ("the_post", "l’article"),
    ("the_tags", "la liste des étiquettes"),
    ("the_category", "les articles de la catégorie"),
    ("the_series", "la série"),
    ("the_archive", "les archives"),
    ("the_author", "les articles de l’auteur"),
    ("the_page", "la page"),
    ("the_moved", "la liste des pages déplacées"),
    ("the_tag", "les articles de l’étiquette"),
    ("the_search_index", "l’index de recherche"),
    ("the_search", "la recherche"),
    ("search_no_worker", "Ce navigateur n’a pas pu lancer la recherche (pas de web workers)."),
    ("search_unavailable", "La recherche est indisponible : {reason}."),
    ("preview_title", "Prévisualiser un article"),
    ("preview_intro", "Écrivez ou collez un article (du Markdown avec son en-tête), ouvrez un fichier ou déposez-le ici : il s’affiche comme le blog le publiera, avec tout ce que la construction en dira. Rien ne quitte votre navigateur ; le brouillon y est gardé jusqu’à ce que vous l’effaciez. Le code est affiché sans coloration ici ; la page publiée le colore."),
    ("preview_name", "Nom du fichier"),
    ("preview_open", "Ouvrir un fichier"),
    ("preview_download", "Télécharger"),
    ("preview_clear", "Effacer"),
    ("preview_markdown", "Markdown"),
    ("preview_said", "Ce que dit la construction"),
    ("preview_output", "L’article tel que publié"),
    ("preview_line", "Ligne {n}"),
    ("preview_nothing", "Rien à signaler : la construction lit cet article tel quel."),
    ("preview_failed", "La prévisualisation n’a pas pu démarrer ; rechargez la page pour réessayer."),
    ("preview_no_worker", "Cette construction n’a pas de prévisualisation."),
    ("preview_not_kept", "Ce navigateur n’a pas pu garder le brouillon (stockage plein ou refusé)."),
    ("preview_not_markdown", "{name} n’est pas un fichier Markdown (.md ou .markdown)."),
    ("preview_opened", "{name} ouvert."),
    ("date_format", "{day} {month} {year}"),
];

pub(super) const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

// A word added to `words!` and not here, or put in another place, stops the build.
const _: () = assert!(in_key_order(&WORDS));

const fn in_key_order(words: &[(&str, &str); SLOTS]) -> bool {
    let mut i = 0;
    while i < SLOTS {
        if !same(words[i].0, KEYS[i]) {
            return false;
        }
        i += 1;
    }
    true
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}
