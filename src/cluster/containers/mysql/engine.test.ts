import { describe, expect, it } from 'vitest';
import { MemoryTree } from '../../storage/memory-tree';
import { DataDir } from './datadir';
import { SqlSession } from './engine';

function session(): SqlSession {
  const fs = new MemoryTree(() => Date.UTC(2024, 11, 12, 10, 0, 0));
  for (const d of ['mysql', 'performance_schema', 'sys', '#innodb_redo']) fs.mkdir(`/var/lib/mysql/${d}`, { recursive: true });
  return new SqlSession(new DataDir(fs), { version: '8.0.40', hostname: 'mysql-0', serverId: 1, port: 3306, now: () => Date.UTC(2024, 11, 12, 10, 0, 0) }, 'root@%');
}

describe('the modelled mysqld SQL engine', () => {
  it('lists the system schemas and created databases in name order, not the #innodb directories', () => {
    const s = session();
    expect(s.run('CREATE DATABASE app')).toEqual({ kind: 'ok', affectedRows: 1, warnings: 0, info: undefined });
    expect(s.run('SHOW DATABASES')).toEqual({
      kind: 'rows',
      columns: [{ name: 'Database', numeric: false, notNull: true }],
      rows: [['app'], ['information_schema'], ['mysql'], ['performance_schema'], ['sys']],
    });
  });

  it('refuses an existing database, warns with IF NOT EXISTS, and names unknown ones', () => {
    const s = session();
    s.run('CREATE DATABASE app');
    expect(s.run('CREATE DATABASE app')).toEqual({ kind: 'error', code: 1007, sqlState: 'HY000', message: "Can't create database 'app'; database exists" });
    expect(s.run('CREATE DATABASE IF NOT EXISTS app')).toEqual({ kind: 'ok', affectedRows: 1, warnings: 1, info: undefined });
    expect(s.run('USE nope')).toEqual({ kind: 'error', code: 1049, sqlState: '42000', message: "Unknown database 'nope'" });
    expect(s.run('DROP DATABASE nope')).toEqual({ kind: 'error', code: 1008, sqlState: 'HY000', message: "Can't drop database 'nope'; database doesn't exist" });
  });

  it('needs a database for unqualified tables and names missing tables with their database', () => {
    const s = session();
    expect(s.run('SELECT * FROM t')).toEqual({ kind: 'error', code: 1046, sqlState: '3D000', message: 'No database selected' });
    s.run('CREATE DATABASE app');
    s.run('USE app');
    expect(s.run('SELECT * FROM t')).toEqual({ kind: 'error', code: 1146, sqlState: '42S02', message: "Table 'app.t' doesn't exist" });
  });

  it('inserts with AUTO_INCREMENT, filters, orders and limits', () => {
    const s = session();
    s.run('CREATE DATABASE app');
    s.run('USE app');
    s.run('CREATE TABLE users (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20) NOT NULL, age INT)');
    expect(s.run("INSERT INTO users (name, age) VALUES ('ann', 31), ('bob', 25), ('cy', NULL)")).toEqual({ kind: 'ok', affectedRows: 3, warnings: 0, info: 'Records: 3  Duplicates: 0  Warnings: 0' });
    expect(s.run("SELECT id, name FROM users WHERE age > 20 AND name != 'x' ORDER BY age DESC LIMIT 1")).toEqual({
      kind: 'rows',
      columns: [
        { name: 'id', numeric: true, notNull: true },
        { name: 'name', numeric: false, notNull: true },
      ],
      rows: [[1, 'ann']],
    });
    expect(s.run("UPDATE users SET age = 26 WHERE name = 'bob'")).toEqual({ kind: 'ok', affectedRows: 1, warnings: 0, info: 'Rows matched: 1  Changed: 1  Warnings: 0' });
    expect(s.run('DELETE FROM users WHERE age IS NULL')).toEqual({ kind: 'ok', affectedRows: 1, warnings: 0, info: undefined });
    expect(s.run('SELECT COUNT(*) FROM users')).toEqual({ kind: 'rows', columns: [{ name: 'COUNT(*)', numeric: true, notNull: true }], rows: [[2]] });
    expect(s.run('INSERT INTO users VALUES (1, "dup", 1)')).toEqual({ kind: 'error', code: 1062, sqlState: '23000', message: "Duplicate entry '1' for key 'users.PRIMARY'" });
  });

  it('answers expressions without FROM with headers as typed', () => {
    const s = session();
    expect(s.run('SELECT 1, @@hostname, @@server_id, VERSION(), NOW(), DATABASE()')).toEqual({
      kind: 'rows',
      columns: [
        { name: '1', numeric: true, notNull: true },
        { name: '@@hostname', numeric: false, notNull: false },
        { name: '@@server_id', numeric: true, notNull: false },
        { name: 'VERSION()', numeric: false, notNull: true },
        { name: 'NOW()', numeric: false, notNull: true },
        { name: 'DATABASE()', numeric: false, notNull: false },
      ],
      rows: [[1, 'mysql-0', 1, '8.0.40', '2024-12-12 10:00:00', null]],
    });
  });

  it('reports a syntax error near the rest of the statement', () => {
    expect(session().run('SELEC * FROM t')).toEqual({
      kind: 'error',
      code: 1064,
      sqlState: '42000',
      message: "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'SELEC * FROM t' at line 1",
    });
  });
});
