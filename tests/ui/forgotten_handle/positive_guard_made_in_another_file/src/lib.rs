mod guard;
mod user;
