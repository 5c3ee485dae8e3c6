// The abilities Lanyard's endpoints check, offered as checkboxes. Admin is offered to admins only: a token can
// never carry more than its creator may do.
export const ABILITIES = [
    { name: 'read:posts', description: 'Read posts' },
    { name: 'create:posts', description: 'Write new posts' },
    { name: 'update:posts', description: 'Edit posts' },
    { name: 'delete:posts', description: 'Delete posts' },
    { name: 'read:inventory', description: 'Read the inventory' },
];

export const ADMIN_ABILITY = { name: 'admin', description: 'Administer users and clients' };
